/**
 * Colour only where a person reads it: on a terminal, unless NO_COLOR says otherwise
 * (no-color.org); FORCE_COLOR wins over both, as in Node itself. chalk handles FORCE_COLOR and
 * terminals, but not NO_COLOR.
 *
 * chalk is loaded only when it may colour: where it would answer "no colour" (output to a file or
 * a pipe, with nothing forcing colour) the plain paint gives the same text, and a cold run does
 * not load chalk and Node's terminal modules with it (4–5 ms).
 */
import type { ChalkInstance } from 'chalk';
import { isTerminal, type StdioFd } from '../io/stdio.js';

/** The styles antt's output uses. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  redBold(text: string): string;
  greenBold(text: string): string;
}

const asIs = (text: string) => text;

/** No colour: each style gives its text back, as chalk does at level 0. */
export const plainColor = (): Paint => ({ bold: asIs, dim: asIs, red: asIs, green: asIs, yellow: asIs, cyan: asIs, redBold: asIs, greenBold: asIs });

function paintOf(chalk: ChalkInstance): Paint {
  return {
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    red: (t) => chalk.red(t),
    green: (t) => chalk.green(t),
    yellow: (t) => chalk.yellow(t),
    cyan: (t) => chalk.cyan(t),
    redBold: (t) => chalk.red.bold(t),
    greenBold: (t) => chalk.green.bold(t),
  };
}

const noColor = () => !('FORCE_COLOR' in process.env) && (process.env.NO_COLOR ?? '') !== '';

/**
 * Whether chalk might colour this stream: a terminal, or colour forced as chalk's own check
 * (supports-color) lets it be forced for any stream — FORCE_COLOR (but 0 and false force it off,
 * whatever else), a `--color…` flag, Azure Pipelines. Where this says no, chalk would say level 0.
 */
function mayColor(fd: StdioFd): boolean {
  const { env, argv } = process;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  return isTerminal(fd) || 'FORCE_COLOR' in env || ('TF_BUILD' in env && 'AGENT_NAME' in env) || argv.some((a) => a.startsWith('--color'));
}

export function stdoutColor(): Promise<Paint> {
  return paintFor(1);
}

export function stderrColor(): Promise<Paint> {
  return paintFor(2);
}

async function paintFor(fd: StdioFd): Promise<Paint> {
  if (noColor() || !mayColor(fd)) return plainColor();
  const chalk = await import('chalk');
  return paintOf(fd === 1 ? chalk.default : chalk.chalkStderr);
}
