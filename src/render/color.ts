/**
 * Colour only where a person reads it: on a terminal, unless NO_COLOR says otherwise
 * (no-color.org); FORCE_COLOR wins over both, as in Node itself. chalk handles FORCE_COLOR and
 * terminals, but not NO_COLOR.
 */
import chalk, { Chalk, chalkStderr, type ChalkInstance } from 'chalk';

const noColor = () => !('FORCE_COLOR' in process.env) && (process.env.NO_COLOR ?? '') !== '';

export function stdoutColor(): ChalkInstance {
  return noColor() ? new Chalk({ level: 0 }) : chalk;
}

export function stderrColor(): ChalkInstance {
  return noColor() ? new Chalk({ level: 0 }) : chalkStderr;
}

export const plainColor = (): ChalkInstance => new Chalk({ level: 0 });
