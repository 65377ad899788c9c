import { createRequire as __kidCreateRequire } from 'node:module'; const require = __kidCreateRequire(import.meta.url);
import {
  Context,
  GitHub,
  getOctokitOptions
} from "./chunk-EF5AZEUF.js";
import "./chunk-7HKRWI75.js";
import "./chunk-C6I7BIVH.js";

// node_modules/@actions/github/lib/github.js
var context = new Context();
function getOctokit(token, options, ...additionalPlugins) {
  const GitHubWithPlugins = GitHub.plugin(...additionalPlugins);
  return new GitHubWithPlugins(getOctokitOptions(token, options));
}
export {
  context,
  getOctokit
};
