import { createRequire as __antt_createRequire } from 'node:module'; const require = __antt_createRequire(import.meta.url);
import {
  require_cli_table3
} from "./chunk-BIVRCCCT.js";
import "./chunk-TPSE7W5Y.js";
export default require_cli_table3();
