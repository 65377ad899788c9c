import { createRequire as __kidCreateRequire } from 'node:module'; const require = __kidCreateRequire(import.meta.url);
import {
  GitHub,
  context,
  defaults,
  getOctokitOptions,
  getUserAgentWithOrchestrationId
} from "./chunk-EF5AZEUF.js";
import "./chunk-7HKRWI75.js";
import "./chunk-C6I7BIVH.js";
export {
  GitHub,
  context,
  defaults,
  getOctokitOptions,
  getUserAgentWithOrchestrationId
};
