import { createRequire as __kidCreateRequire } from 'node:module'; const require = __kidCreateRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-C6I7BIVH.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP2 = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap5 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP2;
    var isPair4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar5 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq5 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP2:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP2:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar5(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP2;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias3;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap5;
    exports.isNode = isNode;
    exports.isPair = isPair4;
    exports.isScalar = isScalar5;
    exports.isSeq = isSeq5;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key2, node, visitor, path10) {
      const ctrl = callVisitor(key2, node, visitor, path10);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path10, ctrl);
        return visit_(key2, ctrl, visitor, path10);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path10 = Object.freeze(path10.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path10);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path10 = Object.freeze(path10.concat(node));
          const ck = visit_("key", node.key, visitor, path10);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path10);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key2, node, visitor, path10) {
      const ctrl = await callVisitor(key2, node, visitor, path10);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path10, ctrl);
        return visitAsync_(key2, ctrl, visitor, path10);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path10 = Object.freeze(path10.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path10);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path10 = Object.freeze(path10.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path10);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path10);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key2, node, visitor, path10) {
      if (typeof visitor === "function")
        return visitor(key2, node, path10);
      if (identity.isMap(node))
        return visitor.Map?.(key2, node, path10);
      if (identity.isSeq(node))
        return visitor.Seq?.(key2, node, path10);
      if (identity.isPair(node))
        return visitor.Pair?.(key2, node, path10);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key2, node, path10);
      if (identity.isAlias(node))
        return visitor.Alias?.(key2, node, path10);
      return void 0;
    }
    function replaceNode(key2, path10, node) {
      const parent = path10[path10.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key2] = node;
      } else if (identity.isPair(parent)) {
        if (key2 === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error2) {
            onError(String(error2));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines2 = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines2.push(`%TAG ${handle} ${prefix}`);
        }
        return lines2.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error2 = new Error("Failed to resolve repeated object (this should not happen)");
              error2.source = source;
              throw error2;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key2, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key2, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar5 = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar5.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar5.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar5.PLAIN = "PLAIN";
    Scalar5.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar5.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar5;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar5.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar5.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path10, value) {
      let v = value;
      for (let i = path10.length - 1; i >= 0; --i) {
        const k = path10[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path10) => path10 == null || typeof path10 === "object" && !!path10[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path10, value) {
        if (isEmptyPath(path10))
          this.add(value);
        else {
          const [key2, ...rest] = path10;
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path10) {
        const [key2, ...rest] = path10;
        if (rest.length === 0)
          return this.delete(key2);
        const node = this.get(key2, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path10, keepScalar) {
        const [key2, ...rest] = path10;
        const node = this.get(key2, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path10) {
        const [key2, ...rest] = path10;
        if (rest.length === 0)
          return this.has(key2);
        const node = this.get(key2, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path10, value) {
        const [key2, ...rest] = path10;
        if (rest.length === 0) {
          this.set(key2, value);
        } else {
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text3, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text3;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text3.length <= endStep)
        return text3;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text3, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text3[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text3[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text3, i, indent.length);
          end = i + indent.length + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text3[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split2 = i;
          }
          if (i >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text3[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text3;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text3;
      if (onFold)
        onFold();
      let res = text3.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text3.length;
        if (fold === 0)
          res = `
${indent}${text3.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text3[fold]}\\`;
          res += `
${indent}${text3.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text3, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text3[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text3[++i];
        } else {
          do {
            ch = text3[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text3[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code4 = json.substr(i + 2, 4);
                switch (code4) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code4.substr(0, 2) === "00")
                      str2 += "\\x" + code4.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar5.Scalar.BLOCK_FOLDED ? false : type === Scalar5.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header3 = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header3 += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar5.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body2 = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header3}
${indent}${body2}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header3}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar5.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar5.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar5.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar5.Scalar.BLOCK_FOLDED:
          case Scalar5.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar5.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar5.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar5.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify3(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key: key2, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key2) && key2.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key2) || !identity.isNode(key2) && typeof key2 === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key2 || keyComment && value == null && !ctx.inFlow || identity.isCollection(key2) || (identity.isScalar(key2) ? key2.type === Scalar5.Scalar.BLOCK_FOLDED || key2.type === Scalar5.Scalar.BLOCK_LITERAL : typeof key2 === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify3.stringify(key2, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify3.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug2(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning2) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning2);
        else
          console.warn(warning2);
      }
    }
    exports.debug = debug2;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar5.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key2) => (merge.identify(key2) || identity.isScalar(key2) && (!key2.type || key2.type === Scalar5.Scalar.PLAIN) && merge.identify(key2.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key2, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key2))
            map.set(key2, value2);
        } else if (map instanceof Set) {
          map.add(key2);
        } else if (!Object.prototype.hasOwnProperty.call(map, key2)) {
          Object.defineProperty(map, key2, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify3 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key: key2, value }) {
      if (identity.isNode(key2) && key2.addToJSMap)
        key2.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key2))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key2, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key2, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key2, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key2) && ctx?.doc) {
        const strCtx = stringify3.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key2.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key2, value, ctx) {
      const k = createNode.createNode(key2, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key2, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key2;
        this.value = value;
      }
      clone(schema) {
        let { key: key2, value } = this;
        if (identity.isNode(key2))
          key2 = key2.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key2, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify4(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify3.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines2.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines2.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines2[0];
        for (let i = 1; i < lines2.length; ++i) {
          const line = lines2[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines2 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines2.push("");
          addCommentBefore(ctx, lines2, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines2.push("");
            addCommentBefore(ctx, lines2, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify3.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines2.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines2.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines2.push(str2);
        linesAtValue = lines2.length;
      }
      const { start, end } = flowChars;
      if (lines2.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines2.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines2)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines2.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines2, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines2.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar5 = require_Scalar();
    function findPair(items, key2) {
      const k = identity.isScalar(key2) ? key2.value : key2;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key2 || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key2, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key2, value);
          else if (Array.isArray(replacer) && !replacer.includes(key2))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key2, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key2, value] of obj)
            add(key2, value);
        } else if (obj && typeof obj === "object") {
          for (const key2 of Object.keys(obj))
            add(key2, obj[key2]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar5.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key2) {
        const it = findPair(this.items, key2);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const it = findPair(this.items, key2);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key2) {
        return !!findPair(this.items, key2);
      }
      set(key2, value) {
        this.add(new Pair.Pair(key2, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key2) {
        const idx = asItemIndex(key2);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key2, value) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key2}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar5.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key2 = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key2, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key2) {
      let idx = identity.isScalar(key2) ? key2.value : key2;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar5.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar5.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar5.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar5.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar5.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar5 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar5.Scalar.BLOCK_LITERAL);
        if (type !== Scalar5.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines2 = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines2[i] = str2.substr(o, lineWidth);
          }
          str2 = lines2.join(type === Scalar5.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar5 = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar5.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key2, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key2 = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key2 = keys[0];
              value = it[key2];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key2 = it;
          }
          pairs2.items.push(Pair.createPair(key2, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key2, value;
          if (identity.isPair(pair)) {
            key2 = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key2, ctx);
          } else {
            key2 = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key2))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key2, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key: key2 } of pairs$1.items) {
          if (identity.isScalar(key2)) {
            if (seenKeys.includes(key2.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key2.value}`);
            } else {
              seenKeys.push(key2.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar5.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar5.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar5.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key2) {
        let pair;
        if (identity.isPair(key2))
          pair = key2;
        else if (key2 && typeof key2 === "object" && "key" in key2 && "value" in key2 && key2.value === null)
          pair = new Pair.Pair(key2.key, null);
        else
          pair = new Pair.Pair(key2, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key2, keepPair) {
        const pair = YAMLMap.findPair(this.items, key2);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key2, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key2);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key2));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key2) => key2 !== "yaml11").map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify3 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines2 = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines2.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines2.push("---");
      const ctx = stringify3.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines2.length !== 1)
          lines2.unshift("");
        const cs = commentString(doc.commentBefore);
        lines2.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines2.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines2.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body2 = stringify3.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body2 += stringifyComment.lineComment(body2, "", commentString(contentComment));
        if ((body2[0] === "|" || body2[0] === ">") && lines2[lines2.length - 1] === "---") {
          lines2[lines2.length - 1] = `--- ${body2}`;
        } else
          lines2.push(body2);
      } else {
        lines2.push(stringify3.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines2.push("...");
            lines2.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines2.push(`... ${cs}`);
          }
        } else {
          lines2.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines2[lines2.length - 1] !== "")
            lines2.push("");
          lines2.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines2.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path10, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path10, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key2, value, options = {}) {
        const k = this.createNode(key2, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        return assertCollection(this.contents) ? this.contents.delete(key2) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path10) {
        if (Collection.isEmptyPath(path10)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path10) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key2, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key2, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path10, keepScalar) {
        if (Collection.isEmptyPath(path10))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path10, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key2) {
        return identity.isCollection(this.contents) ? this.contents.has(key2) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path10) {
        if (Collection.isEmptyPath(path10))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path10) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key2, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key2], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key2, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path10, value) {
        if (Collection.isEmptyPath(path10)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path10), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path10, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code4, message) {
        super();
        this.name = name;
        this.code = code4;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code4, message) {
        super("YAMLParseError", pos, code4, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code4, message) {
        super("YAMLWarning", pos, code4, message);
      }
    };
    var prettifyError = (src, lc) => (error2) => {
      if (error2.pos[0] === -1)
        return;
      error2.linePos = error2.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error2.linePos[0];
      error2.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error2.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error2.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key2) {
      if (!key2)
        return null;
      switch (key2.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key2.source.includes("\n"))
            return true;
          if (key2.end) {
            for (const st of key2.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key2.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key: key2, sep: sep4, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key2 ?? sep4?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key2) {
            if (key2.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key2 && key2.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep4) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key2)) {
            onError(key2 ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key2 ? composeNode(ctx, key2, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key2, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep4 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key2 || key2.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep4, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep4 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep4 + cb;
              sep4 = "";
              break;
            }
            case "newline":
              if (comment)
                sep4 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap5 = fc.start.source === "{";
      const fcName = isMap5 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap5 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key: key2, sep: sep4, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key2 ?? sep4?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep4 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap5 && ctx.options.strict && utilContainsNewline.containsNewline(key2))
            onError(
              key2,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap5 && !sep4 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep4, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key2 ? composeNode(ctx, key2, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key2))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep4 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap5 && !props.found && ctx.options.strict) {
              if (sep4)
                for (const st of sep4) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep4, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap5) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap5 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar5.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header3 = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header3)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header3.mode === ">" ? Scalar5.Scalar.BLOCK_FOLDED : Scalar5.Scalar.BLOCK_LITERAL;
      const lines2 = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines2.length;
      for (let i = lines2.length - 1; i >= 0; --i) {
        const content = lines2[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header3.chomp === "+" && lines2.length > 0 ? "\n".repeat(Math.max(1, lines2.length - 1)) : "";
        let end2 = start + header3.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header3.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header3.indent;
      let offset = scalar.offset + header3.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines2[i];
        if (content === "" || content === "\r") {
          if (header3.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header3.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines2.length - 1; i >= chompStart; --i) {
        if (lines2[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep4 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines2[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines2[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header3.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar5.Scalar.BLOCK_LITERAL) {
          value += sep4 + indent.slice(trimIndent) + content;
          sep4 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep4 === " ")
            sep4 = "\n";
          else if (!prevMoreIndented && sep4 === "\n")
            sep4 = "\n\n";
          value += sep4 + indent.slice(trimIndent) + content;
          sep4 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep4 === "\n")
            value += "\n";
          else
            sep4 = "\n";
        } else {
          value += sep4 + content;
          sep4 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header3.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines2.length; ++i)
            value += "\n" + lines2[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header3.length + scalar.source.length;
      return { value, type, comment: header3.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error2 = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error2 === -1)
            error2 = offset + i;
        }
      }
      if (error2 !== -1)
        onError(error2, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split2 = source.split(/\n( *)/);
      const first = split2[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines2 = [line0];
      for (let i = 1; i < split2.length; i += 2)
        lines2.push([split2[i], split2[i + 1]]);
      return lines2;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar5 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code4, msg) => onError(offset + rel, code4, msg);
      switch (type) {
        case "scalar":
          _type = Scalar5.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar5.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar5.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep4 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep4 === "\n")
            res += sep4;
          else
            sep4 = "\n";
        } else {
          res += sep4 + lm;
          sep4 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep4 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code4 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code4);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar5 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar5.Scalar(res);
      } catch (error2) {
        const msg = error2 instanceof Error ? error2.message : String(error2);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar5.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error2) {
            const message = error2 instanceof Error ? error2.message : String(error2);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd2 = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd2, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd2, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code4, message, warning2) => {
          const pos = getErrorPos(source);
          if (warning2)
            this.warnings.push(new errors.YAMLWarning(pos, code4, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code4, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning2) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning2);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error2 = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error2);
            else
              this.doc.errors.push(error2);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code4, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code4, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code4, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body2 = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body2 };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header3 = token.props[0];
            if (header3.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header3.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body2 = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header3 = token.props[0];
        if (header3.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header3.source = head;
        token.source = body2;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key2 of Object.keys(token))
          if (key2 !== "type" && key2 !== "offset")
            delete token[key2];
        Object.assign(token, { type: "block-scalar", indent, props, source: body2 });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key2 of Object.keys(token))
            if (key2 !== "type" && key2 !== "offset")
              delete token[key2];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify3 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key: key2, sep: sep4, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key2)
        res += stringifyToken(key2);
      if (sep4)
        for (const st of sep4)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path10) => {
      let item = cst;
      for (const [field2, index] of path10) {
        const tok = item?.[field2];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path10) => {
      const parent = visit2.itemAtPath(cst, path10.slice(0, -1));
      const field2 = path10[path10.length - 1][0];
      const coll = parent?.[field2];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path10, item, visitor) {
      let ctrl = visitor(item, path10);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field2 of ["key", "value"]) {
        const token = item[field2];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path10.concat([[field2, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field2 === "key")
            ctrl = ctrl(item, path10);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path10) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM2 = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar5 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM2:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM2:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM2;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar5;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list4, type) {
      for (let i = 0; i < list4.length; ++i)
        if (list4[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list4) {
      for (let i = 0; i < list4.length; ++i) {
        switch (list4[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error2) {
        const token = error2 ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep4;
          if (scalar.end) {
            sep4 = scalar.end;
            sep4.push(this.sourceToken);
            delete scalar.end;
          } else
            sep4 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep4 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key2 = it.key;
                  const sep4 = it.sep;
                  sep4.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: key2, sep: sep4 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs3 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs3, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs3);
              } else {
                Object.assign(it, { key: fs3, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs3 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs3, sep: [] });
              else if (it.sep)
                this.stack.push(fs3);
              else
                Object.assign(it, { key: fs3, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep4 = fc.end.splice(1, fc.end.length);
            sep4.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep4 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse7(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning2) => log.warn(doc.options.logLevel, warning2));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify3(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse7;
    exports.parseAllDocuments = parseAllDocuments3;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify3;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar5 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar5.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key2 in this.properties) {
        if (this.properties.hasOwnProperty(key2)) {
          const val = this.properties[key2];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key2}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key2, value) {
  const delimiter2 = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key2.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key2}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve4) {
      resolve4(value);
    });
  }
  return new (P || (P = Promise))(function(resolve4, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve4(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key2, value]) => ` ${key2}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text3, addEOL = false) {
    this._buffer += text3;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code4, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code4), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems2 = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems2);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell2) => {
        if (typeof cell2 === "string") {
          return this.wrap("td", cell2);
        }
        const { header: header3, data, colspan, rowspan } = cell2;
        const tag = header3 ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text3, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text3);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text3, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text3, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text3, href) {
    const element = this.wrap("a", text3, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve4) {
      resolve4(value);
    });
  }
  return new (P || (P = Promise))(function(resolve4, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve4(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}

// src/cancel.ts
import { rmSync } from "node:fs";

// src/process.ts
import { spawn } from "node:child_process";
var GROUPS = process.platform !== "win32";
var running = /* @__PURE__ */ new Map();
function killAll() {
  const kills = [...running.values()];
  for (const kill of kills) kill();
  return kills.length;
}
function runProcess(binary, args, options) {
  return new Promise((resolve4, reject) => {
    const child = spawn(binary, args, { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"], detached: GROUPS });
    const stdout = [];
    const stderr = [];
    let killed;
    const kill = (why) => {
      killed ??= why;
      try {
        if (GROUPS && child.pid) process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer = options.timeoutMs ? setTimeout(() => kill("timeout"), options.timeoutMs) : void 0;
    const onAbort = () => kill("aborted");
    running.set(child, onAbort);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });
    const settle2 = () => {
      running.delete(child);
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    child.stdout.on("data", (d) => stdout.push(d));
    child.stderr.on("data", (d) => stderr.push(d));
    child.on("error", (error2) => {
      settle2();
      reject(error2);
    });
    child.on("close", (code4) => {
      settle2();
      const result = { code: killed ? 124 : code4 ?? 128, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") };
      if (killed) result.killed = killed;
      resolve4(result);
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input === void 0 ? void 0 : Buffer.from(options.input));
  });
}

// src/cancel.ts
var temporary = /* @__PURE__ */ new Set();
var SIGNALS = { SIGINT: 130, SIGTERM: 143 };
function removeOnCancel(file) {
  temporary.add(file);
  return () => temporary.delete(file);
}
function handleCancellation() {
  for (const signal of Object.keys(SIGNALS)) process.once(signal, () => cancel(signal));
}
function cancel(signal) {
  const killed = killAll();
  const removed = [...temporary].filter((file) => {
    try {
      rmSync(file, { recursive: true, force: true });
      return true;
    } catch {
      return false;
    }
  });
  error(`cancelled (${signal}): stopped ${killed} running command(s) and removed ${removed.length} temporary path(s); the run did not finish, see the log for what it did before`);
  process.exit(SIGNALS[signal]);
}

// src/markdown.ts
function text(value) {
  return value.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>#|~&@]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function code(value, table = false) {
  let s = value.replace(/[\r\n]+/g, " ").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  if (table) s = s.replace(/\|/g, "\\|");
  if (s === "") return "` `";
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run2) => run2.length));
  const ticks = "`".repeat(longest + 1);
  const pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
  return `${ticks}${pad}${s}${pad}${ticks}`;
}
var visible = (c) => {
  const n = c.charCodeAt(0);
  return c === "\n" ? "\\n" : c === "\r" ? "\\r" : n > 255 ? `\\u${n.toString(16)}` : `\\x${n.toString(16).padStart(2, "0")}`;
};
function oneLine(value) {
  return value.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/g, visible).replace(/##\[/g, "##\\[").replace(/^(\s*)::/, "$1\\::");
}
var CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;

// src/log.ts
function info2(message) {
  info(oneLine(message));
}

// src/apply/apply-errors.ts
var where = (ns) => ns ? ` in namespace ${ns}` : " at cluster scope";
var resource = (res, group2) => group2 ? `${res}.${group2}` : res;
var RULES = [
  [
    "conflict",
    /Apply failed with (\d+) conflicts?:/,
    (m, text3) => {
      const fields = conflictFields(text3).map(([manager, field2]) => `${field2} (owned by "${manager}")`);
      return `server-side apply conflict: ${fields.join(", ") || `${m[1]} field(s) managed by another field manager`}; set 'force-conflicts: true' to take them over`;
    }
  ],
  [
    "conflict",
    /Operation cannot be fulfilled on ([\w.]+) "([^"]+)": the object has been modified/,
    (m) => `conflict: ${m[1]} "${m[2]}" was modified while it was being applied; run again`
  ],
  [
    "forbidden",
    /User "([^"]+)" cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]+)")?/,
    (m) => `forbidden: user "${m[1]}" may not ${m[2]} ${resource(m[3], m[4])}${where(m[5])}; grant it with RBAC or use another kubeconfig`
  ],
  ["unauthorized", /\(Unauthorized\)|Unauthorized$/m, () => "unauthorized: the cluster rejected the kubeconfig's credentials (expired token or certificate?)"],
  ["admission", /admission webhook "([^"]+)" denied the request: (.+)/, (m) => `refused by admission webhook ${m[1]}: ${m[2]}`],
  ["admission", /ValidatingAdmissionPolicy '([^']+)'(?: with binding '[^']+')? denied request: (.+)/, (m) => `refused by admission policy ${m[1]}: ${m[2]}`],
  [
    "invalid",
    /failed to create typed patch object \([^)]*\): (.+)/,
    (m) => `rejected by validation: ${m[1]}`
  ],
  [
    "invalid",
    /(\w+(?:\.[\w.]+)?) "([^"]+)" is invalid: (.+)/,
    (m) => `rejected by validation: ${m[1]} "${m[2]}": ${m[3].replace(/^\[|\]$/g, "")}`
  ],
  [
    "invalid",
    /error when (?:creating|patching|applying patch)[^:]*: (\w+) in version "[^"]+" cannot be handled as a \w+: (?:strict decoding error: )?(.+)/,
    (m) => `rejected by validation: ${m[1]}: ${m[2]}`
  ],
  ["invalid", /ValidationError\(([^)]+)\): (.+)/, (m) => `rejected by validation: ${m[1]}: ${m[2]}`],
  // a client-side patch kubectl could not send: the reason follows the dump of the patch
  ["invalid", /strict decoding error: (.+)/, (m) => `rejected by validation: ${m[1]}`],
  ["not-found", /namespaces "([^"]+)" not found/, (m) => `namespace "${m[1]}" does not exist; create it or add it to the kustomization`],
  [
    "not-found",
    /no matches for kind "([^"]+)" in version "([^"]+)"/,
    (m) => `the cluster does not know kind ${m[1]} (${m[2]}); install its CustomResourceDefinition first`
  ],
  ["timeout", /timed out waiting for the condition|context deadline exceeded|exceeded its progress deadline/, () => "timeout"],
  [
    "unreachable",
    /Unable to connect to the server: (.+)|The connection to the server (\S+) was refused|dial tcp [^:]+:\d+: (.+)|no such host|TLS handshake timeout|x509: (.+)/,
    (m, text3) => `cluster unreachable: ${shorten(m[1] ?? m[3] ?? m[4] ?? (m[2] ? `connection to ${m[2]} refused` : firstErrorLine(text3)))}`
  ]
];
function conflictFields(text3) {
  const fields = [];
  let manager = "";
  for (const line of text3.split("\n")) {
    const head = /conflicts? with "([^"]+)"(?: using [^:\s]+)?:(?: (\S+))?/.exec(line);
    if (head) {
      manager = head[1];
      if (head[2]) fields.push([manager, head[2]]);
      continue;
    }
    const item = /^\s*- (\.\S+)/.exec(line);
    if (item && manager) fields.push([manager, item[1]]);
  }
  return fields;
}
function shorten(text3) {
  return text3.length > 160 ? `${text3.slice(0, 157)}...` : text3;
}
function firstErrorLine(text3) {
  const lines2 = text3.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("Warning:"));
  return lines2.find((l) => /^error|Error from server/.test(l)) ?? lines2[0] ?? "";
}
function classify(text3) {
  for (const [kind, pattern2, message] of RULES) {
    const m = pattern2.exec(text3);
    if (m) return { kind, message: message(m, text3) };
  }
  return { kind: "other", message: shorten(firstErrorLine(text3).replace(/^error: /, "")) || "kubectl failed without a message" };
}
var ERROR_START = /\n(?=error:|Error from server|The request is invalid|The [\w.]+ "[^"]*" is invalid|resource mapping not found)/;
function errorChunks(stderr) {
  const chunks = stderr.split(ERROR_START).filter((c) => /error|invalid|not found/i.test(c) && !/^Warning:/.test(c.trim()));
  return chunks.length > 0 ? chunks : [stderr];
}
function classifyAll(stderr) {
  const seen = /* @__PURE__ */ new Map();
  for (const chunk of errorChunks(stderr)) {
    const c = classify(chunk);
    if (!seen.has(c.message)) seen.set(c.message, c);
  }
  return [...seen.values()];
}

// src/render/manifest-scan.ts
var import_yaml = __toESM(require_dist(), 1);
var CONTAINER_LISTS = /* @__PURE__ */ new Set(["containers", "initContainers", "ephemeralContainers"]);
var IDENTITY_PATHS = /* @__PURE__ */ new Set(["apiVersion", "kind", "metadata.name", "metadata.namespace", "metadata"]);
var KEY_LINE = /^( *)(- +)?([^\s"'?#{}[\],&*!|>%@`-](?:[^:#]|:(?! |$))*?):(?: +(.*))?$/;
var QUOTED_KEY_LINE = /^ *(?:- +)?(?:"|'|\? ).*(?::(?: |$))/;
var BLOCK_SCALAR = /^[|>][-+0-9]*(?: +#.*)?$/;
function splitDocuments(render) {
  if (/^(?:%|\.\.\.\s*$|--- *[^\s#])/m.test(render)) {
    return (0, import_yaml.parseAllDocuments)(render).map((doc) => render.slice(doc.range[0], doc.range[2]).replace(/^--- *\n/, "")).filter((text3) => text3.trim() !== "");
  }
  return render.split(/^--- *(?:#.*)?\r?\n/m).filter((text3) => text3.replace(/^\s*#.*$/gm, "").trim() !== "");
}
function simpleScalar(raw) {
  const value = raw.replace(/ +#.*$/, "").trimEnd();
  if (/^"[^"\\]*"$/.test(value)) return value.slice(1, -1);
  if (/^'(?:[^']|'')*'$/.test(value)) return value.slice(1, -1).replace(/''/g, "'");
  if (/^[^\s"'{}[\]&*!|>%@`#,?:-][^#]*$/.test(value) && !/: /.test(value)) return value;
  if (/^-[^\s#][^#]*$/.test(value) && !/: /.test(value)) return value;
  return void 0;
}
var withImages = (id, containers) => ({
  id,
  containers,
  images: containers.flatMap((c) => c.image ? [c.image] : [])
});
var ownerOf = (stack, col) => [...stack].reverse().find((k) => k.col <= col);
function scanDocument(text3) {
  const state = { fields: /* @__PURE__ */ new Map(), containers: [], itemCol: -1, stack: [] };
  let blockCol = -1;
  for (const line of text3.split(/\r?\n/)) {
    if (blockCol >= 0) {
      if (line.trim() === "" || /^ */.exec(line)[0].length > blockCol) continue;
      blockCol = -1;
    }
    if (line.trim() === "" || /^ *#/.test(line)) continue;
    const m = KEY_LINE.exec(line);
    if (!m) {
      if (QUOTED_KEY_LINE.test(line) || /^\S/.test(line)) return void 0;
      const dash = /^( *)-(?: |$)/.exec(line);
      if (dash && CONTAINER_LISTS.has(ownerOf(state.stack, dash[1].length)?.key ?? "")) return void 0;
      continue;
    }
    const col = m[1].length + (m[2]?.length ?? 0);
    const raw = m[4] ?? "";
    while (state.stack.length > 0 && state.stack[state.stack.length - 1].col >= col) state.stack.pop();
    if (state.stack.length === 0 && (m[2] || col !== 0)) return void 0;
    state.stack.push({ col, key: m[3] });
    if (BLOCK_SCALAR.test(raw)) blockCol = col;
    else if (/^["'[{]/.test(raw) && simpleScalar(raw) === void 0 && !/^(\[.*\]|\{.*\})$/.test(raw)) return void 0;
    if (!readKey(state, m[3], raw, col, !!m[2])) return void 0;
  }
  const [apiVersion, kind, name] = ["apiVersion", "kind", "metadata.name"].map((k) => state.fields.get(k));
  if (!apiVersion || !kind || !name) return void 0;
  return withImages({ apiVersion, kind, namespace: state.fields.get("metadata.namespace") ?? "", name }, state.containers);
}
function readKey(state, key2, raw, col, itemStart) {
  const { stack, fields } = state;
  const path10 = stack.map((s) => s.key).join(".");
  const parent = stack[stack.length - 2];
  if (IDENTITY_PATHS.has(path10) && !itemStart) {
    if (fields.has(path10)) return false;
    if (path10 === "metadata") {
      fields.set(path10, "");
      return raw.replace(/ +#.*$/, "") === "";
    }
    const value2 = simpleScalar(raw);
    fields.set(path10, value2 ?? "");
    return value2 !== void 0;
  }
  if (CONTAINER_LISTS.has(key2)) {
    state.itemCol = -1;
    if (!["", "[]"].includes(raw.replace(/ +#.*$/, ""))) return false;
  }
  if (!parent || !CONTAINER_LISTS.has(parent.key)) return true;
  if (itemStart) {
    state.containers.push({ name: "", image: "" });
    state.itemCol = col;
  } else if (state.itemCol !== col) return false;
  if (key2 !== "name" && key2 !== "image") return true;
  const item = state.containers[state.containers.length - 1];
  const value = simpleScalar(raw);
  if (value === void 0 || item[key2] !== "") return false;
  item[key2] = value;
  return true;
}
var isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var str = (v) => typeof v === "string" ? v : "";
function objectContainers(value, out = []) {
  if (Array.isArray(value)) for (const item of value) objectContainers(item, out);
  else if (isObj(value)) {
    for (const [key2, child] of Object.entries(value)) {
      if (CONTAINER_LISTS.has(key2) && Array.isArray(child)) {
        for (const c of child) if (isObj(c)) out.push({ name: str(c.name), image: str(c.image) });
      }
      objectContainers(child, out);
    }
  }
  return out;
}
function readObject(value) {
  if (!isObj(value)) return withImages(void 0, []);
  const meta = isObj(value.metadata) ? value.metadata : {};
  const [apiVersion, kind, name] = [str(value.apiVersion), str(value.kind), str(meta.name)];
  const id = apiVersion && kind && name ? { apiVersion, kind, namespace: str(meta.namespace), name } : void 0;
  return withImages(id, objectContainers(value));
}
function readDocument(text3) {
  return scanDocument(text3) ?? parseDocument(text3);
}
function parseDocument(text3) {
  return readObject(parseOrUndefined(text3));
}
function parseOrUndefined(text3) {
  try {
    return (0, import_yaml.parse)(text3);
  } catch {
    return void 0;
  }
}

// src/render/manifests.ts
var ROLLOUT_KINDS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet"]);
var DRIFT_KINDS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet", "CronJob"]);
var CLUSTER_SCOPED = /* @__PURE__ */ new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "StorageClass",
  "CSIDriver",
  "CSINode",
  "PriorityClass",
  "RuntimeClass",
  "IngressClass",
  "APIService",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "VolumeAttachment",
  "CertificateSigningRequest",
  "FlowSchema",
  "PriorityLevelConfiguration"
]);
function toManifest(doc, defaultNamespace) {
  if (!doc.id) return void 0;
  const { apiVersion, kind, name } = doc.id;
  const [group2, version] = apiVersion.includes("/") ? apiVersion.split("/", 2) : ["", apiVersion];
  const namespace = CLUSTER_SCOPED.has(kind) ? "" : doc.id.namespace || defaultNamespace;
  const images = new Map(doc.containers.filter((c) => c.name !== "").map((c) => [c.name, c.image]));
  return { kind, group: group2, version, name, namespace, images };
}
function liveManifest(object) {
  return toManifest(readObject(object), "");
}
function parseManifests(render, defaultNamespace) {
  return splitDocuments(render).flatMap((text3) => {
    const doc = readDocument(text3);
    return doc.id && doc.id.kind !== "List" ? [doc] : listItems(text3).map(readObject);
  }).flatMap((doc) => toManifest(doc, defaultNamespace) ?? []);
}
function listItems(text3) {
  const list4 = parseOrUndefined(text3);
  return list4?.kind === "List" && Array.isArray(list4.items) ? list4.items : [];
}
function resourceName(m) {
  return `${resourceType(m)}/${m.name}`;
}
function resourceType(m) {
  return `${m.kind.toLowerCase()}${m.group ? `.${m.group}` : ""}`;
}
function diffName(m) {
  return `${m.group ? `${m.group}.` : ""}${m.version}.${m.kind}.${m.namespace}.${m.name}`;
}
function changedInDiff(diffOutput, manifests) {
  const files2 = new Set([...diffOutput.matchAll(/^diff .* \S*\/MERGED-[^/\s]+\/(\S+)$/gm)].map((m) => m[1]));
  return manifests.filter((m) => files2.has(diffName(m)));
}

// src/apply/apply-output.ts
var LINE = /^(\S+\/\S+) ([a-z-]+)(?: \((server dry run|dry run)\))?$/;
function parseApplyOutput(stdout) {
  const lines2 = [];
  for (const raw of stdout.split("\n")) {
    const m = LINE.exec(raw.trim());
    if (!m) continue;
    lines2.push({ ref: m[1], action: m[2], ...m[3] ? { dryRun: m[3] === "server dry run" ? "server" : "client" } : {} });
  }
  return lines2;
}
function toResources(lines2, manifests) {
  const unused = [...manifests];
  return lines2.map((line) => {
    const i = unused.findIndex((m2) => resourceName(m2) === line.ref);
    const [kindPart, ...nameParts] = line.ref.split("/");
    const m = i >= 0 ? unused.splice(i, 1)[0] : void 0;
    const kind = m?.kind ?? kindPart.split(".")[0];
    return { kind, namespace: m?.namespace ?? "", name: m?.name ?? nameParts.join("/"), action: line.action, ...line.dryRun ? { dryRun: line.dryRun } : {} };
  });
}
function redactSecretDiffs(diffOutput) {
  return diffOutput.split(/^(?=diff )/m).map((chunk) => {
    const header3 = chunk.split("\n", 1)[0];
    return /^diff .*\/v1\.Secret\.\S+$/.test(header3) ? `${header3}
(a Secret: its changes are not shown)
` : chunk;
  }).join("");
}

// src/errors.ts
function errorMessage(error2) {
  if (error2 instanceof Error) return error2.message;
  return String(error2);
}
var InputError = class extends Error {
  constructor(input, value, expected, reason) {
    const why = reason ? `: ${reason}` : "";
    super(`${input}: '${value}' is not valid${why}; expected ${expected}`);
    this.name = "InputError";
  }
};
var FileError = class extends Error {
  constructor(message, file, line, column3) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column3;
    this.name = "FileError";
  }
  file;
  line;
  column;
};
var FailureList = class extends Error {
  constructor(lines2) {
    super(lines2.join("\n"));
    this.lines = lines2;
    this.name = "FailureList";
  }
  lines;
};
function firstLines(stderr, max = 3) {
  return stderr.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, max).join(" | ");
}

// src/child-env.ts
var WITHHELD = /^(INPUT_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_REQUEST_|KUBECONFIG$|ACTIONS_(RESULTS|CACHE)_URL$|GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$)/i;
var OIDC = /^ACTIONS_ID_TOKEN_REQUEST_/i;
function childEnvironment(extra = {}, parent = process.env) {
  const env = {};
  for (const [key2, value] of Object.entries(parent)) if (value !== void 0 && !WITHHELD.test(key2)) env[key2] = value;
  return Object.assign(env, extra);
}
function passed(pattern2, parent = process.env) {
  return Object.fromEntries(Object.entries(parent).filter((kv) => kv[1] !== void 0 && pattern2.test(kv[0])));
}

// src/render/generator-literals.ts
var import_yaml6 = __toESM(require_dist(), 1);
import { existsSync as existsSync2 } from "node:fs";
import { readFile, stat as stat2 } from "node:fs/promises";
import * as path from "node:path";

// src/edit/image-spec.ts
var PRESERVE = "*";
var EXPECTED = "name[=newName][:tag][@digest]";
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
var DIGEST_HEX = { sha256: 64, sha384: 96, sha512: 128 };
var PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var DOMAIN = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?";
var REPOSITORY = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
var TEMPLATE = /\{\{|\}\}|\$\{|\$\(|\$[A-Za-z_]|<[A-Za-z_]+>/;
var INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Z}\p{Default_Ignorable_Code_Point}]/u;
var codePoint = (c) => c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
var visible2 = (arg) => arg.replace(new RegExp(INVISIBLE.source, "gu"), (c) => c === " " ? c : `\\u{${codePoint(c)}}`);
function splitImage(ref) {
  const slash = Math.max(ref.indexOf("/"), 0);
  const rest = ref.slice(slash);
  const at = rest.indexOf("@");
  const colon = rest.indexOf(":");
  if (at < 0 && colon < 0) return { name: ref };
  if (at >= 0 && (colon < 0 || at < colon)) {
    return { name: ref.slice(0, slash + at), digest: ref.slice(slash + at + 1) };
  }
  if (at >= 0) {
    return {
      name: ref.slice(0, slash + colon),
      tag: ref.slice(slash + colon + 1, slash + at),
      digest: ref.slice(slash + at + 1)
    };
  }
  return { name: ref.slice(0, slash + colon), tag: ref.slice(slash + colon + 1) };
}
function parseImageArg(arg, line) {
  const fail2 = (reason) => {
    throw new InputError("images", visible2(arg), EXPECTED, line === void 0 ? reason : `line ${line}: ${reason}`);
  };
  if (TEMPLATE.test(arg)) fail2("it holds an unsubstituted template placeholder");
  if (/\s/.test(arg)) fail2("it contains whitespace");
  const invisible = INVISIBLE.exec(arg);
  if (invisible) {
    fail2(`it contains the invisible or control character U+${codePoint(invisible[0])}`);
  }
  const eq = arg.indexOf("=");
  const key2 = eq >= 0 ? arg.slice(0, eq) : void 0;
  const value = eq >= 0 ? arg.slice(eq + 1) : arg;
  const { name, tag, digest: digest2 } = splitImage(value);
  if (key2 === void 0 && tag === void 0 && digest2 === void 0) {
    fail2("it sets neither a new name, a tag nor a digest");
  }
  if (key2 === "") fail2("the image name before = is empty");
  if (name === "") fail2(key2 === void 0 ? "the image name is empty" : "the new name after = is empty");
  const spec = key2 === void 0 ? { arg, name } : { arg, name: key2, newName: name };
  if (tag !== void 0) spec.newTag = tag;
  if (digest2 !== void 0) spec.digest = digest2;
  if (key2 !== void 0 && name !== PRESERVE && !REPOSITORY.test(name)) {
    fail2(`new name '${name}' is not a valid repository name (lower-case [registry[:port]/]path)`);
  }
  if (tag !== void 0 && tag !== PRESERVE && !TAG.test(tag)) {
    fail2(`tag '${tag}' is not a valid tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})`);
  }
  if (digest2 !== void 0 && digest2 !== PRESERVE) validateDigest(digest2, fail2);
  return spec;
}
function validateDigest(digest2, fail2) {
  if (!DIGEST.test(digest2)) fail2(`digest '${digest2}' is not algorithm:hex (e.g. sha256:<64 hex digits>)`);
  const [algorithm, hex] = digest2.split(":", 2);
  const length = DIGEST_HEX[algorithm];
  if (length !== void 0 && !new RegExp(`^[a-f0-9]{${length}}$`).test(hex)) {
    fail2(`digest '${digest2}' must have ${length} lower-case hex digits after ${algorithm}:`);
  }
}
function parseImageArgs(lines2) {
  const byName = /* @__PURE__ */ new Map();
  for (const [i, line] of lines2.entries()) {
    const arg = line.trim();
    if (arg === "" || arg.startsWith("#")) continue;
    const spec = parseImageArg(arg, lines2.length > 1 ? i + 1 : void 0);
    byName.delete(spec.name);
    byName.set(spec.name, spec);
  }
  return [...byName.values()];
}
function mergeImage(existing, spec) {
  const pick = (given, kept) => given === PRESERVE ? kept || void 0 : given || void 0;
  const entry = { name: spec.name };
  const newName = pick(spec.newName, existing?.newName);
  const newTag = pick(spec.newTag, existing?.newTag);
  const digest2 = pick(spec.digest, existing?.digest);
  if (newName !== void 0) entry.newName = newName;
  if (newTag !== void 0) entry.newTag = newTag;
  if (digest2 !== void 0) entry.digest = digest2;
  return entry;
}
function droppedFieldsWarning(existing, spec) {
  if (!existing) return void 0;
  const dropped = [];
  if (existing.newName && spec.newName === void 0) dropped.push(`newName '${existing.newName}'`);
  if (existing.digest && spec.digest === void 0 && !spec.pin) dropped.push(`digest '${existing.digest}'`);
  if (existing.tagSuffix) dropped.push(`tagSuffix '${existing.tagSuffix}'`);
  if (dropped.length === 0) return void 0;
  const keepName = spec.newName ?? (existing.newName ? PRESERVE : void 0);
  const keepDigest = spec.digest ?? (existing.digest && !spec.pin ? PRESERVE : void 0);
  const suffixed = existing.tagSuffix && spec.newTag && spec.newTag !== PRESERVE ? spec.newTag + existing.tagSuffix : spec.newTag;
  const keep = spec.name + (keepName !== void 0 ? `=${keepName}` : "") + (suffixed !== void 0 ? `:${suffixed}` : "") + (keepDigest !== void 0 ? `@${keepDigest}` : "");
  const them = dropped.length > 1 ? "them" : "it";
  const hint = keep === spec.arg ? existing.tagSuffix ? "write the suffix into the tag to keep it" : "" : `write '${keep}' to keep ${them}`;
  return `images: '${spec.arg}' drops the existing ${dropped.join(" and ")} of image '${spec.name}', as kustomize edit set image does` + (hint ? `; ${hint}` : "");
}
function shortDigest(digest2) {
  const [algorithm, hex] = digest2.split(":", 2);
  return hex && hex.length > 12 ? `${algorithm}:${hex.slice(0, 8)}\u2026` : digest2;
}
function formatEntry(entry) {
  if (!entry) return "\u2014";
  let out = entry.newName ?? entry.name;
  if (entry.newTag) out += `:${entry.newTag}`;
  if (entry.digest) out += entry.newTag ? ` (${shortDigest(entry.digest)})` : `@${shortDigest(entry.digest)}`;
  return out;
}

// src/edit/images-add.ts
var import_yaml5 = __toESM(require_dist(), 1);

// src/edit/images-splices.ts
var import_yaml4 = __toESM(require_dist(), 1);

// src/edit/kustomize-read.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/edit/go-yaml-resolve.ts
var MAP = {};
for (const s of ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]) MAP[s] = "bool";
for (const s of ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]) MAP[s] = "bool";
for (const s of ["", "~", "null", "Null", "NULL"]) MAP[s] = "null";
for (const s of [".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"]) MAP[s] = "float";
MAP["<<"] = "merge";
var GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
var YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
var DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
var TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/;
function goYamlKind(text3) {
  if (text3 in MAP) return MAP[text3];
  const c = text3[0];
  if (c === ".") return DOT_FLOAT.test(text3) ? "float" : "str";
  if (!/[-+0-9]/.test(c)) return "str";
  if (TIMESTAMP.test(text3)) return "timestamp";
  const plain = text3.replace(/_/g, "");
  if (GO_INT.test(plain)) return "int";
  if (YAML_FLOAT.test(plain)) return "float";
  if (/^-?0b[01]+$/.test(plain)) return "int";
  return "str";
}
var SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

// src/edit/kustomize-read.ts
var FIELDS = ["newName", "newTag", "digest", "tagSuffix"];
function foldName(key2) {
  let out = "";
  for (const c of key2) {
    const lower = [...c.toLowerCase()].length === 1 ? c.toLowerCase() : c;
    const upper = [...lower.toUpperCase()].length === 1 ? lower.toUpperCase() : lower;
    out += upper;
  }
  return out;
}
var byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
var FOLDED = new Map(["name", ...FIELDS].map((f) => [foldName(f), f]));
function lineOf(source, pos) {
  let line = 1;
  for (let i = source.indexOf("\n"); i >= 0 && i < pos; i = source.indexOf("\n", i + 1)) line++;
  return line;
}
function kustomizeString(source, node, doc) {
  const target = (0, import_yaml2.isAlias)(node) ? node.resolve(doc) : node;
  if (target === null || target === void 0) return null;
  if (!(0, import_yaml2.isScalar)(target)) return void 0;
  if (target.type !== import_yaml2.Scalar.PLAIN) return String(target.value);
  const text3 = target.range ? source.slice(target.range[0], target.range[1]) : String(target.value);
  if (target.tag === "tag:yaml.org,2002:str") return text3;
  if (target.tag === "tag:yaml.org,2002:null") return null;
  if (target.tag) return void 0;
  const kind = goYamlKind(text3);
  return kind === "str" ? text3 : kind === "null" ? null : void 0;
}
function asWritten(source, node, doc) {
  const target = (0, import_yaml2.isAlias)(node) ? node.resolve(doc) : node;
  if (!(0, import_yaml2.isScalar)(target) || target.value === null || target.value === void 0) return void 0;
  if (target.type === import_yaml2.Scalar.PLAIN && target.range && !target.tag) return source.slice(target.range[0], target.range[1]);
  return String(target.value);
}
function parseKustomization(source, file) {
  const fail2 = (message, pos, col) => {
    throw new FileError(`${file}:${lineOf(source, pos)}: ${message}`, file, lineOf(source, pos), col);
  };
  const docs = (0, import_yaml2.parseAllDocuments)(source);
  const list4 = Array.isArray(docs) ? docs : [docs];
  const doc = list4[0];
  if (!doc) return { doc: (0, import_yaml2.parseAllDocuments)("")[0], root: null, images: void 0, entries: [] };
  for (const d of list4) {
    const err = d.errors[0];
    if (err) {
      const pos = err.linePos?.[0];
      throw new FileError(`${file}: invalid YAML: ${err.message.split("\n")[0]}`, file, pos?.line, pos?.col);
    }
  }
  const empty = (c) => c === null || (0, import_yaml2.isScalar)(c) && c.value === null && !c.tag && !c.anchor && c.range[0] === c.range[1];
  const extra = list4.slice(1).find((d) => !empty(d.contents));
  if (extra) {
    fail2("a second YAML document starts here; kustomize reads only the first and ignores the rest, so it is refused (one kustomization per file)", extra.range[0]);
  }
  const contents = doc.contents;
  if (contents === null || (0, import_yaml2.isScalar)(contents) && contents.value === null) return { doc, root: null, images: void 0, entries: [] };
  if (!(0, import_yaml2.isMap)(contents) || contents.flow) return fail2("expected a block mapping at the top level", contents.range?.[0] ?? 0);
  const pairs = contents.items;
  const keyed = pairs.filter((p) => (0, import_yaml2.isScalar)(p.key) && foldName(String(p.key.value)) === "IMAGES");
  if (keyed.length > 1) {
    const lines2 = keyed.map((p) => lineOf(source, p.key.range[0]));
    fail2(`'images' is set ${keyed.length} times (lines ${lines2.join(" and ")}; kustomize matches keys case-insensitively); keep one`, keyed[1].key.range[0]);
  }
  for (const p of pairs) {
    if (!(0, import_yaml2.isScalar)(p.key) || p.key.value !== "<<") continue;
    const merged = (0, import_yaml2.isAlias)(p.value) ? p.value.resolve(doc) : p.value;
    const sources = (0, import_yaml2.isSeq)(merged) ? merged.items.map((n) => (0, import_yaml2.isAlias)(n) ? n.resolve(doc) : n) : [merged];
    const hasImages = sources.some((m) => (0, import_yaml2.isMap)(m) && m.items.some((q) => (0, import_yaml2.isScalar)(q.key) && foldName(String(q.key.value)) === "IMAGES"));
    if (hasImages) fail2("a merge key (<<) brings in 'images'; kustomize's YAML reader merges in its own order, so write the images list out", p.key.range[0]);
  }
  const images = keyed[0];
  return { doc, root: contents, images, entries: images ? readEntries(source, doc, images, fail2) : [] };
}
function readEntries(source, doc, images, fail2) {
  const value = images.value;
  const at = (node) => node?.range?.[0] ?? images.key.range[0];
  if ((0, import_yaml2.isAlias)(value)) fail2("'images' is an alias (*\u2026); write the list out", at(value));
  if (value === null || (0, import_yaml2.isScalar)(value) && kustomizeString(source, value, doc) === null) return [];
  if (!(0, import_yaml2.isSeq)(value)) return fail2("'images' must be a list", at(value));
  return value.items.map((item) => {
    if ((0, import_yaml2.isAlias)(item)) fail2("an images entry that is an alias (*\u2026) is refused; write the entry out", at(item));
    if (!(0, import_yaml2.isMap)(item)) fail2("each images entry must be a mapping with a name", at(item ?? value));
    const node = item;
    const pairs = /* @__PURE__ */ new Map();
    for (const pair of node.items) {
      const key2 = (0, import_yaml2.isScalar)(pair.key) ? String(pair.key.value) : "";
      if (key2 === "<<") {
        fail2("a merge key (<<) in an images entry is refused: kustomize's YAML reader lets it override the fields before it, unlike other YAML tools; write the fields out", at(pair.key));
      }
      const field2 = FOLDED.get(foldName(key2));
      if (!field2) fail2(`unknown field '${key2}' in an images entry (kustomize refuses the file); expected name, newName, newTag, digest or tagSuffix`, at(pair.key));
      if (pair.value !== null && !(0, import_yaml2.isScalar)(pair.value) && !(0, import_yaml2.isAlias)(pair.value)) fail2(`'${key2}' must be a string`, at(pair.value));
      pairs.set(field2, [...pairs.get(field2) ?? [], pair]);
    }
    const entry = { name: "" };
    for (const [field2, list4] of pairs) {
      const ordered = [...list4].sort((a, b) => byteOrder(String(a.key.value), String(b.key.value)));
      const last = ordered.filter((p) => kustomizeString(source, p.value, doc) !== null).pop();
      const text3 = last ? asWritten(source, last.value, doc) : void 0;
      if (text3) entry[field2] = text3;
    }
    if (!entry.name) {
      fail2("an images entry without a name is refused: it changes no image, and an edit cannot tell which image it meant; add 'name: <image>' or remove it", at(node));
    }
    return { node, line: lineOf(source, at(node)), pairs, entry };
  });
}

// src/edit/yaml-text.ts
var import_yaml3 = __toESM(require_dist(), 1);
function applySplices(source, splices) {
  let out = source;
  const order = splices.map((s, i) => ({ s, i }));
  order.sort((a, b) => b.s.start - a.s.start || b.s.end - a.s.end || b.i - a.i);
  for (const { s } of order) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
function lineStart(source, pos) {
  return source.lastIndexOf("\n", pos - 1) + 1;
}
function column(source, pos) {
  const start = lineStart(source, pos);
  return pos - start - (start === 0 && source.startsWith("\uFEFF") && pos > 0 ? 1 : 0);
}
function keyColumn(source, keyPos) {
  const start = lineStart(source, keyPos);
  const m = /^(\uFEFF?)([ \t]*)(?:-[ \t]+)*/.exec(source.slice(start, keyPos));
  return m[0].length - m[1].length;
}
function insertLinesAfter(source, end, lines2, eol) {
  const at = end > 0 && source[end - 1] === "\n" ? end : source.indexOf("\n", end) + 1;
  if (at <= 0) return { start: source.length, end: source.length, text: eol + lines2.join(eol) };
  return { start: at, end: at, text: lines2.join(eol) + eol };
}
function contentEnd(node, fallback) {
  if (!node || !node.range) return fallback;
  if (((0, import_yaml3.isMap)(node) || (0, import_yaml3.isSeq)(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    if ((0, import_yaml3.isPair)(last)) {
      const key2 = last.key;
      return contentEnd(last.value, key2?.range?.[1] ?? fallback);
    }
    return contentEnd(last, fallback);
  }
  return node.range[1];
}
function readsAsString(value) {
  if (value === "" || /^[\s]|[\s]$|[:#]\s|\s#|^[-?:,[\]{}#&*!|>'"%@`]|[\x00-\x1f\x7f-\x9f\uFEFF\u2028\u2029]/.test(value)) return false;
  if (goYamlKind(value) !== "str" || SEXAGESIMAL.test(value) || /[,[\]{}]/.test(value)) return false;
  for (const version of ["1.1", "1.2"]) {
    const doc = (0, import_yaml3.parseDocument)(value, { version });
    const node = doc.contents;
    if (doc.errors.length > 0 || !(0, import_yaml3.isScalar)(node) || node.value !== value) return false;
  }
  return true;
}
function formatScalar(value, style) {
  if (style === import_yaml3.Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (style === import_yaml3.Scalar.QUOTE_DOUBLE || !readsAsString(value)) return JSON.stringify(value);
  return value;
}

// src/edit/images-splices.ts
var styleOf = (node) => (0, import_yaml4.isScalar)(node) ? node.type : void 0;
function valueSpan(source, pair) {
  const colon = source.indexOf(":", pair.key.range[1]);
  const value = pair.value;
  if (!value?.range || value.range[1] <= colon) return { start: colon + 1, end: colon + 1 };
  if (value.range[0] === value.range[1]) {
    const props = /^(?:[ \t]+[!&][^\s]*)*/.exec(source.slice(colon + 1))[0];
    return { start: colon + 1, end: colon + 1 + props.length };
  }
  let end = value.range[1];
  while (end > value.range[0] && /[\r\n]/.test(source[end - 1])) end--;
  return { start: colon + 1, end };
}
function checkAnchors(source, doc, node, file) {
  const anchors = /* @__PURE__ */ new Map();
  if (node) {
    (0, import_yaml4.visit)(node, (_k, n) => {
      if (((0, import_yaml4.isScalar)(n) || (0, import_yaml4.isMap)(n) || (0, import_yaml4.isSeq)(n)) && n.anchor) anchors.set(n.anchor, n.range?.[0] ?? 0);
    });
  }
  if (anchors.size === 0) return;
  let used;
  (0, import_yaml4.visit)(doc, { Alias: (_k, alias) => void (used ??= anchors.has(alias.source) ? alias.source : void 0) });
  if (used === void 0) return;
  const line = lineOf(source, anchors.get(used));
  throw new FileError(
    `${file}:${line}: the edit would change or remove the anchor &${used}, which an alias (*${used}) reads elsewhere, so it is refused; write the value out`,
    file,
    line
  );
}
function editEntry(source, doc, e, merged, eol, file) {
  const splices = [];
  const removed = [];
  const missing2 = [];
  for (const field2 of FIELDS) {
    const pairs = e.pairs.get(field2) ?? [];
    const want = merged[field2];
    if (want === void 0) {
      removed.push(...pairs);
      for (const pair of pairs) checkAnchors(source, doc, pair, file);
    } else if (pairs.length === 0) missing2.push(field2);
    for (const pair of want === void 0 ? [] : pairs) {
      if (asWritten(source, pair.value, doc) === want) continue;
      checkAnchors(source, doc, pair.value, file);
      const { start, end } = valueSpan(source, pair);
      splices.push({ start, end, text: " " + formatScalar(want, styleOf(pair.value)) });
    }
  }
  splices.push(...removePairs(source, e.node, removed));
  if (missing2.length === 0) return splices;
  if (e.node.flow) {
    const close = source.lastIndexOf("}", e.node.range[1]);
    const sep4 = e.node.items.length > removed.length ? ", " : "";
    return [...splices, { start: close, end: close, text: sep4 + missing2.map((f) => `${f}: ${formatScalar(merged[f])}`).join(", ") }];
  }
  const keyCol = keyColumn(source, e.node.items[0].key.range[0]);
  const lines2 = missing2.map((f) => `${" ".repeat(keyCol)}${f}: ${formatScalar(merged[f])}`);
  return [...splices, insertLinesAfter(source, contentEnd(e.node, e.node.range[1]), lines2, eol)];
}
function removePairs(source, node, removed) {
  const pairs = node.items;
  const gone = new Set(removed);
  const splices = [];
  if (node.flow) {
    const kept = pairs.filter((p) => !gone.has(p));
    if (kept.length === 0 && pairs.length > 0) {
      return [{ start: pairs[0].key.range[0], end: contentEnd(pairs[pairs.length - 1].value, pairs[pairs.length - 1].key.range[1]), text: "" }];
    }
    pairs.forEach((pair, i) => {
      if (!gone.has(pair)) return;
      const next = pairs.slice(i + 1).find((p) => !gone.has(p));
      if (next) splices.push({ start: pair.key.range[0], end: next.key.range[0], text: "" });
      else {
        const prev = kept[kept.length - 1];
        splices.push({ start: contentEnd(prev.value, prev.key.range[1]), end: contentEnd(pair.value, pair.key.range[1]), text: "" });
      }
    });
    return mergeAdjacent(splices);
  }
  let covered = -1;
  pairs.forEach((pair, i) => {
    if (!gone.has(pair) || i <= covered) return;
    const keyStart = pair.key.range[0];
    const start = lineStart(source, keyStart);
    if (source.slice(start, keyStart).trim() === "") {
      const end = source.indexOf("\n", contentEnd(pair.value, pair.key.range[1]));
      splices.push({ start, end: end < 0 ? source.length : end + 1, text: "" });
      return;
    }
    covered = pairs.findIndex((p, j) => j > i && !gone.has(p));
    splices.push({ start: keyStart, end: pairs[covered].key.range[0], text: "" });
  });
  return splices;
}
function mergeAdjacent(splices) {
  const sorted = [...splices].sort((a, b) => a.start - b.start);
  const out = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
function removeEntries(source, parsed, gone, file) {
  const list4 = parsed.images?.value;
  if (!(0, import_yaml4.isSeq)(list4) || gone.length === 0) return [];
  for (const e of gone) checkAnchors(source, parsed.doc, e.node, file);
  const items = list4.items;
  const removed = new Set(gone.map((e) => e.node));
  if (list4.flow) {
    const splices = [];
    for (let i = 0; i < items.length; i++) {
      if (!removed.has(items[i])) continue;
      let j = i;
      while (j + 1 < items.length && removed.has(items[j + 1])) j++;
      if (j + 1 < items.length) splices.push({ start: items[i].range[0], end: items[j + 1].range[0], text: "" });
      else splices.push({ start: i > 0 ? items[i - 1].range[1] : items[i].range[0], end: items[j].range[1], text: "" });
      i = j;
    }
    return splices;
  }
  return gone.map((e) => {
    const dash = source.lastIndexOf("-", e.node.range[0] - 1);
    const start = lineStart(source, dash);
    if (dash < 0 || !/^-[\s]*(?:[&!]\S*[\s]+)*$/.test(source.slice(dash, e.node.range[0])) || source.slice(start, dash).trim() !== "") {
      throw new FileError(`${file}:${e.line}: this duplicate images entry cannot be removed in place; remove it by hand`, file, e.line);
    }
    const end = source.indexOf("\n", contentEnd(e.node, e.node.range[1]) - 1);
    return { start, end: end < 0 ? source.length : end + 1, text: "" };
  });
}

// src/edit/images-add.ts
function entryLines(entry, dashCol, keyOffset) {
  const fields = ["name", ...FIELDS].filter((f) => entry[f] !== void 0);
  return fields.map(
    (f, i) => `${" ".repeat(i === 0 ? dashCol : dashCol + keyOffset)}${i === 0 ? "- " + " ".repeat(keyOffset - 2) : ""}${f}: ${formatScalar(entry[f])}`
  );
}
function flowEntry(entry) {
  const fields = ["name", ...FIELDS].filter((f) => entry[f] !== void 0);
  return `{${fields.map((f) => `${f}: ${formatScalar(entry[f])}`).join(", ")}}`;
}
function appendEntries(source, parsed, added, eol, finalBreak) {
  const list4 = parsed.images?.value;
  if ((0, import_yaml5.isSeq)(list4) && list4.flow) {
    const items = list4.items;
    const text3 = added.map(flowEntry).join(", ");
    const close = source.lastIndexOf("]", list4.range[1]);
    if (items.length === 0) return { start: close, end: close, text: text3 };
    const last = items[items.length - 1].range[1];
    return { start: last, end: last, text: `, ${text3}` };
  }
  if ((0, import_yaml5.isSeq)(list4) && list4.items.length > 0) return appendToBlockList(source, list4.items, list4.range[0], added, eol);
  const dashCol = (keyCol2) => keyCol2 + sequenceIndent(source, parsed.root);
  if (parsed.images) {
    const keyCol2 = column(source, parsed.images.key.range[0]);
    const lines2 = added.flatMap((e) => entryLines(e, dashCol(keyCol2), 2));
    const { start, end } = valueSpan(source, parsed.images);
    const after = insertLinesAfter(source, end, lines2, eol);
    return { start, end: after.start, text: source.slice(end, after.start) + after.text };
  }
  const keyCol = parsed.root ? column(source, parsed.root.range[0]) : 0;
  return addImagesKey(source, parsed.root, [`${" ".repeat(keyCol)}images:`, ...added.flatMap((e) => entryLines(e, dashCol(keyCol), 2))], eol, finalBreak);
}
function appendToBlockList(source, items, listStart, added, eol) {
  const last = items[items.length - 1];
  const dashCol = column(source, listStart);
  if ((0, import_yaml5.isMap)(last) && last.flow) {
    return insertLinesAfter(source, contentEnd(last, 0), added.map((e) => `${" ".repeat(dashCol)}- ${flowEntry(e)}`), eol);
  }
  const first = items[0];
  const keyOffset = (0, import_yaml5.isMap)(first) && !first.flow ? keyColumn(source, first.range[0]) - dashCol : 2;
  const lines2 = added.flatMap((e) => entryLines(e, dashCol, Math.max(keyOffset, 2)));
  return insertLinesAfter(source, contentEnd(last, 0), lines2, eol);
}
function addImagesKey(source, root, lines2, eol, finalBreak) {
  if (!root) {
    const sep4 = source === "" || source.endsWith("\n") ? "" : eol;
    return { start: source.length, end: source.length, text: sep4 + lines2.join(eol) + eol };
  }
  if (endsInKeptLineBreaks(source, root, finalBreak)) {
    const lastKey = root.items[root.items.length - 1].key;
    const at = lineStart(source, lastKey.range[0]);
    return { start: at, end: at, text: lines2.join(eol) + eol };
  }
  return insertLinesAfter(source, contentEnd(root, source.length), lines2, eol);
}
function endsInKeptLineBreaks(source, node, finalBreak) {
  if (((0, import_yaml5.isMap)(node) || (0, import_yaml5.isSeq)(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    return endsInKeptLineBreaks(source, (0, import_yaml5.isPair)(last) ? last.value : last, finalBreak);
  }
  if (!(0, import_yaml5.isScalar)(node) || !node.range || node.type !== import_yaml5.Scalar.BLOCK_LITERAL && node.type !== import_yaml5.Scalar.BLOCK_FOLDED) return false;
  const header3 = /^[|>]([-+0-9]*)/.exec(source.slice(node.range[0]))?.[1] ?? "";
  return header3.includes("+") || !header3.includes("-") && !finalBreak;
}
function sequenceIndent(source, root) {
  for (const pair of root?.items ?? []) {
    const value = pair.value;
    if ((0, import_yaml5.isSeq)(value) && !value.flow && value.range) return Math.max(0, column(source, value.range[0]) - column(source, pair.key.range[0]));
  }
  return 0;
}
function insertEntriesBefore(source, parsed, target, added, eol, file) {
  const list4 = parsed.images?.value;
  const refuse = () => {
    throw new FileError(`${file}:${target.line}: the new images entries cannot be put before this entry in place (where kustomize's order of the list puts them); add them by hand`, file, target.line);
  };
  const at = target.node.range[0];
  if ((0, import_yaml5.isSeq)(list4) && list4.flow) {
    if (!/[[,]\s*$/.test(source.slice(0, at))) refuse();
    return { start: at, end: at, text: added.map((e) => `${flowEntry(e)}, `).join("") };
  }
  const dash = source.lastIndexOf("-", at - 1);
  let start = lineStart(source, dash);
  if (dash < 0 || !/^-[\s]*(?:[&!]\S*[\s]+)*$/.test(source.slice(dash, at)) || source.slice(start, dash).trim() !== "") refuse();
  while (start > 0 && source.slice(lineStart(source, start - 1), start).trim().startsWith("#")) start = lineStart(source, start - 1);
  const dashCol = column(source, dash);
  const lines2 = target.node.flow ? added.map((e) => `${" ".repeat(dashCol)}- ${flowEntry(e)}`) : added.flatMap((e) => entryLines(e, dashCol, Math.max(keyColumn(source, at) - dashCol, 2)));
  return { start, end: start, text: lines2.join(eol) + eol };
}

// src/edit/image-order.ts
var ANY = 0;
var TAG2 = 1;
var ALL = 2;
var admits = (c, ch) => c === ANY ? ch !== "\n" : c === TAG2 ? /^[A-Za-z0-9_.{}-]$/.test(ch) : c === ALL || c === ch;
function meet(a, b) {
  if (typeof a === "string") return admits(b, a);
  return typeof b === "string" ? admits(a, b) : true;
}
var matchers = /* @__PURE__ */ new Map();
function matcher(name, p) {
  let states = matchers.get(name);
  if (!states) {
    if (matchers.size > 1e4) matchers.clear();
    states = automaton(p, "match");
    matchers.set(name, states);
  }
  return states;
}
function automaton(prefix, tail) {
  const states = prefix.map((c, i) => ({ accept: false, out: [[c, i + 1]] }));
  const end = prefix.length;
  if (tail === "end") return [...states, { accept: true, out: [] }];
  if (tail === "output") return [...states, { accept: true, out: [[":", end + 1], ["@", end + 1]] }, { accept: true, out: [[ALL, end + 1]] }];
  const digest2 = end + 2;
  states.push({ accept: true, out: [[":", end + 1], ["@", digest2]] }, { accept: true, out: [[TAG2, end + 1], ["@", digest2]] });
  [..."sha256:"].forEach((ch, i) => states.push({ accept: false, out: [[ch, digest2 + i + 1]] }));
  states.push({ accept: true, out: [[TAG2, digest2 + 7]] });
  return states;
}
function intersects(a, b) {
  const seen = /* @__PURE__ */ new Set([0]);
  const queue = [[0, 0]];
  while (queue.length > 0) {
    const [p, q] = queue.pop();
    if (a[p].accept && b[q].accept) return true;
    for (const [c1, p2] of a[p].out) {
      for (const [c2, q2] of b[q].out) {
        const key2 = p2 * b.length + q2;
        if (meet(c1, c2) && !seen.has(key2)) {
          seen.add(key2);
          queue.push([p2, q2]);
        }
      }
    }
  }
  return false;
}
var patterns = /* @__PURE__ */ new Map();
function pattern(name) {
  if (!patterns.has(name)) {
    if (patterns.size > 1e4) patterns.clear();
    patterns.set(name, /[\\^$*+?()[\]{}|]/.test(name) ? void 0 : [...name].map((ch) => ch === "." ? ANY : ch));
  }
  return patterns.get(name);
}
function agree(x, y) {
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i] && !meet(x[i], y[i])) return false;
  return true;
}
function writtenTail(e) {
  if (e.newTag && e.digest) return `:${e.newTag}@${e.digest}`;
  if (e.newTag) return `:${e.newTag}`;
  if (e.digest) return `@${e.digest}`;
  return void 0;
}
var outputs = /* @__PURE__ */ new WeakMap();
function nameEnds(pa) {
  const slash = pa.indexOf("/");
  const ends = pa.flatMap((c, i) => i > slash && (c === ":" || c === "@" || c === ANY) ? [i] : []);
  return [...ends, pa.length];
}
function output(a, pa) {
  let out = outputs.get(a);
  if (!out) {
    const tail = writtenTail(a);
    const names = a.newName ? [[...a.newName]] : nameEnds(pa).map((end) => pa.slice(0, end));
    out = names.map((name) => ({ name, states: tail === void 0 ? automaton(name, "output") : automaton([...name, ...tail], "end") }));
    outputs.set(a, out);
  }
  return out;
}
function feeds(a, pa, b, pb) {
  return output(a, pa).some((out) => agree(out.name, pb) && intersects(out.states, matcher(b, pb)));
}
function interacts(a, b) {
  const pa = pattern(a.name);
  const pb = pattern(b.name);
  if (!pa || !pb) return true;
  const overlap = agree(pa, pb) && intersects(matcher(a.name, pa), matcher(b.name, pb));
  return overlap || feeds(a, pa, b.name, pb) || feeds(b, pb, a.name, pa);
}
var nameOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
function checkOrder(kept, file) {
  for (let j = 1; j < kept.length; j++) {
    for (let i = 0; i < j; i++) {
      const [a, b] = [kept[i], kept[j]];
      if (nameOrder(a.entry.name, b.entry.name) <= 0 || !interacts(a.entry, b.entry)) continue;
      throw new FileError(
        `${file}:${b.line}: images entries '${a.entry.name}' (line ${a.line}) and '${b.entry.name}' (line ${b.line}) can change the same image, so their order decides the render; kustomize edit set image writes the list sorted by name, which would apply '${b.entry.name}' first; put the two in name order (and check the render) before running the edit`,
        file,
        b.line
      );
    }
  }
}
function placeNewEntries(kept, added, file) {
  const slots = added.map(() => kept.length);
  const lows = added.map(() => 0);
  added.forEach((n, k) => {
    kept.forEach((e, i) => {
      if (!interacts(n, e.entry)) return;
      if (nameOrder(e.entry.name, n.name) < 0) lows[k] = Math.max(lows[k], i + 1);
      else slots[k] = Math.min(slots[k], i);
    });
  });
  const descending = added.map((_, k) => k).sort((x, y) => nameOrder(added[y].name, added[x].name));
  descending.forEach((k, at) => {
    for (const m of descending.slice(0, at)) if (interacts(added[k], added[m])) slots[k] = Math.min(slots[k], slots[m]);
    if (slots[k] >= lows[k]) return;
    throw new FileError(
      `${file}: the new images entry '${added[k].name}' cannot stand in name order with every entry that can change the same image (kustomize edit set image sorts the list, and the order decides the render); add it by hand`,
      file
    );
  });
  return slots;
}
function orderWithin(entries) {
  const left = [...entries];
  const out = [];
  while (left.length > 0) {
    const next = left.findIndex((e) => !left.some((o) => o !== e && nameOrder(o.name, e.name) < 0 && interacts(e, o)));
    out.push(...left.splice(next, 1));
  }
  return out;
}

// src/edit/kustomization.ts
var KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
var BOM = "\uFEFF";
function readImages(source, file) {
  return parseKustomization(source.startsWith(BOM) ? source.slice(1) : source, file).entries.map((e) => e.entry);
}
var same = (a, b) => a.name === b.name && FIELDS.every((f) => a[f] === b[f]);
function editImages(source, specs, file) {
  if (!source.startsWith(BOM)) return editText(source, specs, file);
  const result = editText(source.slice(1), specs, file);
  return { ...result, content: BOM + result.content };
}
function editText(source, specs, file) {
  const eol = source.includes("\r\n") ? "\r\n" : "\n";
  if (source === "" || source.endsWith("\n")) return editLines(source, specs, file, eol, true);
  const result = editLines(source + eol, specs, file, eol, false);
  const content = result.content.endsWith(eol) ? result.content.slice(0, -eol.length) : result.content;
  return { ...result, content, changed: content !== source };
}
function editLines(source, specs, file, eol, finalBreak) {
  const parsed = parseKustomization(source, file);
  const before = parsed.entries.map((e) => e.entry);
  const warnings = [];
  const splices = [];
  const expected = /* @__PURE__ */ new Map();
  const groups = /* @__PURE__ */ new Map();
  for (const e of parsed.entries) groups.set(e.entry.name, [...groups.get(e.entry.name) ?? [], e]);
  const removed = duplicates(groups, specs, file, warnings);
  for (const [name, [kept]] of groups) {
    const spec = specs.find((s) => s.name === name);
    if (spec?.remove) {
      removed.push(kept);
      continue;
    }
    const merged = spec ? mergeImage(kept.entry, spec) : kept.entry;
    expected.set(name, merged);
    if (!spec || same(merged, kept.entry)) continue;
    const warning2 = droppedFieldsWarning(kept.entry, spec);
    if (warning2) warnings.push(`${warning2} (${file})`);
    splices.push(...editEntry(source, parsed.doc, kept, merged, eol, file));
  }
  splices.push(...removeEntries(source, parsed, removed, file));
  const added = specs.filter((s) => !groups.has(s.name) && !s.remove).map((s) => mergeImage(void 0, s));
  for (const entry of added) expected.set(entry.name, entry);
  splices.push(...addEntries(source, parsed, [...groups.values()].map(([k]) => k).filter((k) => expected.has(k.entry.name)), expected, added, { eol, finalBreak, file, warnings }));
  if (splices.length === 0) {
    checkStrings(source, parsed, file);
    return { content: source, changed: false, before, after: before, warnings };
  }
  const content = applySplices(source, splices);
  const after = readBack(content, file);
  const intended = [...expected.values()];
  if (after.length !== intended.length || !after.every((a) => intended.some((e) => same(a, e)))) {
    throw new FileError(`${file}: internal error: the edit did not produce the intended images list`, file);
  }
  return { content, changed: content !== source, before, after, warnings };
}
function addEntries(source, parsed, kept, expected, added, ctx) {
  const stay = kept.map((k) => ({ entry: expected.get(k.entry.name), line: k.line }));
  checkOrder(stay, ctx.file);
  if (added.length === 0) return [];
  const slots = placeNewEntries(stay, added, ctx.file);
  const splices = [];
  for (const slot of [...new Set(slots)].sort((a, b) => a - b)) {
    const group2 = orderWithin(added.filter((_, k) => slots[k] === slot));
    if (slot === kept.length) {
      splices.push(appendEntries(source, parsed, group2, ctx.eol, ctx.finalBreak));
      continue;
    }
    const before = stay[slot];
    for (const e of group2.filter((g) => interacts(g, before.entry))) {
      ctx.warnings.push(
        `${ctx.file}: the new entry for image '${e.name}' goes before '${before.entry.name}' (line ${before.line}), where kustomize edit set image's order of the list puts it; '${before.entry.name}' is applied after it and can change the same images`
      );
    }
    splices.push(insertEntriesBefore(source, parsed, kept[slot], group2, ctx.eol, ctx.file));
  }
  return splices;
}
function duplicates(groups, specs, file, warnings) {
  const removed = [];
  for (const [name, group2] of groups) {
    if (group2.length < 2) continue;
    const spec = specs.find((s) => s.name === name);
    const which2 = spec ? `merges '${spec.arg}' into the first (line ${group2[0].line})` : `keeps the first (line ${group2[0].line})`;
    warnings.push(
      `${file}: image '${name}' has ${group2.length} entries (lines ${group2.map((e) => e.line).join(", ")}); like kustomize edit set image, the edit ${which2} and removes the others`
    );
    removed.push(...group2.slice(1));
  }
  return removed;
}
function readBack(content, file) {
  let parsed;
  try {
    parsed = parseKustomization(content, file);
  } catch (error2) {
    throw new FileError(`${file}: internal error: the edit would leave a file that does not parse (${error2.message}); nothing was written`, file);
  }
  checkStrings(content, parsed, file);
  return parsed.entries.map((e) => e.entry);
}
function checkStrings(content, parsed, file) {
  for (const { pairs } of parsed.entries) {
    for (const list4 of pairs.values()) {
      for (const pair of list4) {
        if (kustomizeString(content, pair.value, parsed.doc) !== void 0) continue;
        const at = pair.value?.range?.[0] ?? 0;
        const text3 = content.slice(at, pair.value?.range?.[1] ?? at);
        const kind = pair.value && "tag" in pair.value && pair.value.tag ? pair.value.tag.replace("tag:yaml.org,2002:", "!!") : goYamlKind(text3);
        throw new FileError(
          `${file}:${lineOf(content, at)}: kustomize reads '${text3}' as ${kind}, not as a string, and refuses the file; quote it: "${text3}"`,
          file,
          lineOf(content, at)
        );
      }
    }
  }
}

// src/render/generator-literals.ts
var MAX_DIRS = 200;
var REDACTED_LITERAL = "(redacted secret literal)";
var list = (value) => Array.isArray(value) ? value : [];
var remote = (ref) => /^[a-z][\w+.-]*:\/\/|^git@|^github\.com\//i.test(ref);
async function readDoc(dir) {
  const file = KUSTOMIZATION_FILES.map((f) => path.join(dir, f)).find((f) => existsSync2(f));
  if (!file) return void 0;
  try {
    const doc = (0, import_yaml6.parse)(await readFile(file, "utf8"));
    return doc && typeof doc === "object" && !Array.isArray(doc) ? doc : void 0;
  } catch {
    return void 0;
  }
}
async function localDirs(dir, doc) {
  const refs = ["resources", "bases", "components"].flatMap((k) => list(doc[k])).filter((r) => typeof r === "string" && !remote(r));
  const dirs = await Promise.all(refs.map(async (r) => (await stat2(path.resolve(dir, r)).catch(() => void 0))?.isDirectory() ? path.resolve(dir, r) : void 0));
  return dirs.filter((d) => d !== void 0);
}
async function secretLiterals(dir) {
  const seen = /* @__PURE__ */ new Set();
  const found = [];
  for (let queue = [path.resolve(dir)]; queue.length > 0 && seen.size < MAX_DIRS; ) {
    const next = queue.shift();
    if (seen.has(next)) continue;
    seen.add(next);
    const doc = await readDoc(next);
    if (!doc) continue;
    for (const generator of list(doc.secretGenerator)) {
      const literals = list(generator?.literals);
      found.push(...literals.filter((l) => typeof l === "string" || typeof l === "number").map(String));
    }
    queue.push(...await localDirs(next, doc));
  }
  return [...new Set(found)].filter((l) => l !== "");
}
function placeholder(literal) {
  const key2 = /^([^=:\s]*)([=:\s])/.exec(literal);
  return key2 ? `${key2[1]}${key2[2]}${REDACTED_LITERAL}` : REDACTED_LITERAL;
}
function redactLiterals(text3, literals) {
  let out = text3;
  for (const literal of [...literals].sort((a, b) => b.length - a.length)) {
    for (const form of [JSON.stringify(literal).slice(1, -1), literal]) if (out.includes(form)) out = out.split(form).join(placeholder(literal));
  }
  for (const literal of literals) {
    const value = /^[^=]*=([\s\S]+)$/.exec(literal)?.[1];
    if (value && value.length >= 4 && out.includes(value)) out = out.split(value).join(REDACTED_LITERAL);
  }
  return out;
}

// src/timeouts.ts
var MAX_SECONDS = 6 * 3600;
var OVER_MAX = "more than 6 h, GitHub's job limit";
var DEFAULTS = {
  gitNetworkMs: ["KID_GIT_TIMEOUT", 60],
  apiRequestMs: ["KID_API_TIMEOUT", 30],
  rateLimitMaxWaitMs: ["KID_RATE_LIMIT_MAX_WAIT", 60],
  previewMs: ["KID_PREVIEW_TIMEOUT", 300],
  renderMs: ["KID_RENDER_TIMEOUT", 300],
  kubectlMs: ["KID_KUBECTL_TIMEOUT", 600],
  registryMs: ["KID_REGISTRY_TIMEOUT", 30]
};
function timeouts(env = process.env) {
  const pick = ([name, fallback]) => {
    const raw = env[name]?.trim() ?? "";
    if (raw === "") return fallback * 1e3;
    const value = /^\d*\.?\d+(e\d+)?$/i.test(raw) ? Number(raw) : NaN;
    const expected = `seconds (decimals allowed), more than 0 and at most ${MAX_SECONDS}`;
    if (!(value > 0)) throw new InputError(name, raw, expected);
    if (value > MAX_SECONDS) throw new InputError(name, raw, expected, OVER_MAX);
    return Math.round(value * 1e3);
  };
  return Object.fromEntries(Object.entries(DEFAULTS).map(([key2, bound]) => [key2, pick(bound)]));
}
function seconds(ms) {
  const s = ms / 1e3;
  return s >= 120 ? `${Math.round(s / 60)} min` : `${Number(s.toFixed(1))} s`;
}

// src/apply/kubectl.ts
var KubectlError = class extends Error {
  constructor(message, result) {
    super(message);
    this.result = result;
    this.name = "KubectlError";
  }
  result;
};
var Kubectl = class {
  constructor(binary, env = {}, flags = {}) {
    this.binary = binary;
    this.env = env;
    this.flags = flags;
  }
  binary;
  env;
  flags;
  /** per rendered directory, its secretGenerator literals (read on a failed render only) */
  literals = /* @__PURE__ */ new Map();
  /**
   * `kubectl kustomize DIR`: the rendered manifests, or a KubectlError with kustomize's message.
   * It is killed, with a git clone of a remote base it started, after KID_RENDER_TIMEOUT or
   * when `signal` says the caller gave up.
   */
  async kustomize(dir, signal) {
    const { renderMs } = timeouts();
    const restrictor = this.flags.loadRestrictor === "none" ? ["--load-restrictor", "LoadRestrictionsNone"] : [];
    const result = await this.rendering(dir, await this.exec(["kustomize", ...restrictor, dir], { signal, timeoutMs: renderMs, render: true }), (r) => r.code !== 0);
    if (result.killed === "timeout") throw new KubectlError(`kubectl kustomize did not finish within ${seconds(renderMs)} (KID_RENDER_TIMEOUT); a remote base that does not answer?`, result);
    if (result.killed) throw new KubectlError(`kubectl kustomize was stopped: ${signal?.reason instanceof Error ? signal.reason.message : "given up"}`, result);
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl kustomize exited ${result.code}`, result);
    return result.stdout;
  }
  /** `kubectl diff -k DIR`: exit 0 no differences, 1 differences, anything else a KubectlError. */
  async diff(dir, flags) {
    if (this.flags.loadRestrictor === "none") return this.diffManifests(await this.kustomize(dir), flags);
    return this.diffOf(["-k", dir], flags, void 0, dir);
  }
  /** `kubectl diff -f -` of rendered manifests (a part of a target's render), as `diff`. */
  async diffManifests(manifests, flags) {
    return this.diffOf(["-f", "-"], flags, manifests);
  }
  async diffOf(source, flags, input, dir) {
    const result = await this.rendering(dir, await this.exec(this.clusterArgs(["diff", ...sideFlags(flags), ...source]), { input }), (r) => r.code !== 0 && r.code !== 1);
    if (result.code === 0 || result.code === 1) return { differences: result.code === 1, output: result.stdout, warnings: result.stderr.trim() };
    throw new KubectlError(firstLines(result.stderr) || `kubectl diff exited ${result.code}`, result);
  }
  /** `kubectl apply -k DIR`; a non-zero exit is a KubectlError that still carries stdout (partial applies). */
  async apply(dir, flags) {
    const rendered = this.flags.loadRestrictor === "none" ? await this.kustomize(dir) : void 0;
    const args = applyArgs(rendered === void 0 ? ["-k", dir] : ["-f", "-"], flags);
    const result = await this.rendering(rendered === void 0 ? dir : void 0, await this.exec(this.clusterArgs(args), { input: rendered }), (r) => r.code !== 0);
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl apply exited ${result.code}`, result);
    return result;
  }
  /** `kubectl rollout status KIND/NAME --timeout=Ns`; the exit code is the caller's to judge. */
  async rolloutStatus(ref, timeoutSeconds) {
    const bound = timeoutSeconds * 1e3 + timeouts().kubectlMs;
    return this.exec(this.clusterArgs(["rollout", "status", `${ref.kind.toLowerCase()}/${ref.name}`, `--timeout=${timeoutSeconds}s`], ref.namespace), { timeoutMs: bound });
  }
  /** `kubectl describe KIND NAME`: text, or the error text when it cannot. */
  async describe(ref) {
    const result = await this.exec(this.clusterArgs(["describe", ref.kind.toLowerCase(), ref.name], ref.namespace));
    return result.code === 0 ? result.stdout : `kubectl describe failed: ${firstLines(result.stderr)}`;
  }
  /** `kubectl events --for KIND/NAME`: the object's recent events, or the error text. */
  async events(ref) {
    const result = await this.exec(this.clusterArgs(["events", "--for", `${ref.kind.toLowerCase()}/${ref.name}`], ref.namespace));
    return result.code === 0 ? result.stdout : `kubectl events failed: ${firstLines(result.stderr)}`;
  }
  /** `kubectl get REF... -o json --ignore-not-found` in one namespace: the objects that exist. */
  async get(refs, namespace) {
    if (refs.length === 0) return [];
    const result = await this.exec(this.clusterArgs(["get", ...refs, "--ignore-not-found", "-o", "json"], namespace));
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl get exited ${result.code}`, result);
    if (result.stdout.trim() === "") return [];
    const parsed = JSON.parse(result.stdout);
    return parsed.kind === "List" ? parsed.items ?? [] : [parsed];
  }
  /** `kubectl get KIND -o name` in one namespace: `kind/name` of each object, no content. */
  async names(kind, namespace) {
    const result = await this.exec(this.clusterArgs(["get", kind, "-o", "name"], namespace));
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl get exited ${result.code}`, result);
    return result.stdout.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  }
  /** `kubectl get KIND -l SELECTOR -o json` in one namespace: the items. */
  async list(kind, namespace, selector) {
    const result = await this.exec(this.clusterArgs(["get", kind, "-l", selector, "-o", "json"], namespace));
    if (result.code !== 0) throw new KubectlError(firstLines(result.stderr) || `kubectl get exited ${result.code}`, result);
    return JSON.parse(result.stdout).items ?? [];
  }
  /**
   * A call that rendered `dir` (kustomize, `diff -k`, `apply -k`): when it `failed`, its stderr
   * without the secretGenerator literals that kustomize's error text may quote
   * (generator-literals.ts); a call that succeeded (its stderr a warning at most) is not read
   * for them. The literals are read once per directory for this Kubectl (one run).
   */
  async rendering(dir, result, failed) {
    if (dir === void 0 || result.stderr.trim() === "" || !failed(result)) return result;
    let reading = this.literals.get(dir);
    if (!reading) this.literals.set(dir, reading = secretLiterals(dir));
    const literals = await reading;
    return literals.length === 0 ? result : { ...result, stderr: redactLiterals(result.stderr, literals) };
  }
  /** The one place the global flags go in: `--context`, then `--namespace` (a call's own wins). */
  clusterArgs(args, namespace) {
    const ns = namespace || this.flags.namespace;
    return [...this.flags.context ? ["--context", this.flags.context] : [], ...ns ? ["--namespace", ns] : [], ...args];
  }
  /**
   * Every call is bounded: `timeoutMs`, else KID_KUBECTL_TIMEOUT (a cluster that accepts the
   * connection and never answers). A killed call says so on stderr, where its errors are read.
   */
  async exec(args, options = {}) {
    debug(`kubectl ${args.join(" ")}`);
    const { render, ...run2 } = options;
    const timeoutMs = options.timeoutMs ?? timeouts().kubectlMs;
    const env = render ? childEnvironment() : childEnvironment({ ...passed(OIDC), ...this.env });
    let result;
    try {
      result = await runProcess(this.binary, args, { env, ...run2, timeoutMs });
    } catch (error2) {
      throw new Error(`kubectl: cannot run '${this.binary}' (${error2 instanceof Error ? error2.message : String(error2)}); set the 'kubectl' input or install kubectl`);
    }
    if (result.killed !== "timeout") return result;
    const verb = args.find((a, i) => !a.startsWith("-") && args[i - 1] !== "--context" && args[i - 1] !== "--namespace");
    const said = result.stderr && !result.stderr.endsWith("\n") ? `${result.stderr}
` : result.stderr;
    const bound = `${seconds(timeoutMs)}${options.timeoutMs === void 0 ? " (KID_KUBECTL_TIMEOUT)" : ""}`;
    return { ...result, stderr: `${said}error: kubectl ${verb} did not finish within ${bound}: the cluster did not answer
` };
  }
};
function sideFlags(flags) {
  const args = [];
  if (flags.serverSide) args.push("--server-side");
  if (flags.fieldManager) args.push(`--field-manager=${flags.fieldManager}`);
  if (flags.serverSide && flags.forceConflicts) args.push("--force-conflicts");
  return args;
}
function applyArgs(source, flags) {
  return ["apply", ...sideFlags(flags), ...flags.dryRun === "none" ? [] : [`--dry-run=${flags.dryRun}`], ...source];
}

// src/apply/object-errors.ts
var EXTRACTORS = [
  [/failed to create typed patch object \((?:([^/;)]+)\/)?([^;)]+); [^)]*Kind=(\w+)\)/, (m) => ({ namespace: m[1] ?? "", name: m[2], kind: m[3] })],
  [/resource mapping not found for name: "([^"]+)" namespace: "([^"]*)"[^]*?no matches for kind "(\w+)"/, (m) => ({ name: m[1], kind: m[3], ...m[2] ? { namespace: m[2] } : {} })],
  [/Kind=(\w+)"\s*\nName: "([^"]+)", Namespace: "([^"]*)"/, (m) => ({ kind: m[1], name: m[2], namespace: m[3] })],
  [/Operation cannot be fulfilled on (\w+)(?:\.[\w.]+)? "([^"]+)"/, (m) => ({ resource: m[1], name: m[2] })],
  [/(\w+)(?:\.[\w.]+)? "([^"]+)" is (?:forbidden|invalid)/, (m) => ({ resource: m[1], name: m[2] })],
  // the patch kubectl sent (client-side apply) carries the last-applied configuration
  [/\\"kind\\":\\"(\w+)\\",\\"metadata\\":\{.*?\\"name\\":\\"([^\\"]+)\\"(?:,\\"namespace\\":\\"([^\\"]+)\\")?/, (m) => ({ kind: m[1], name: m[2], ...m[3] ? { namespace: m[3] } : {} })],
  [/cannot be handled as a (\w+)/, (m) => ({ kind: m[1] })],
  [/(\w+)(?:\.[\w.]+)? is forbidden: User "[^"]*" cannot \w+ resource "\w+"[^\n]*?(?:in the namespace "([^"]+)"|at the cluster scope)/, (m) => ({ resource: m[1], namespace: m[2] ?? "" })],
  [/namespaces "([^"]+)" not found/, (m) => ({ namespace: m[1] })]
];
function objectHint(text3) {
  const hint = {};
  for (const [pattern2, read] of EXTRACTORS) {
    const m = pattern2.exec(text3);
    if (!m) continue;
    for (const [key2, value] of Object.entries(read(m))) {
      if (hint[key2] === void 0 && value !== void 0) hint[key2] = value;
    }
  }
  return hint;
}
function plural(kind) {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`;
  return `${k}s`;
}
function fits(m, hint) {
  if (hint.name !== void 0 && m.name !== hint.name) return false;
  if (hint.namespace !== void 0 && m.namespace !== hint.namespace) return false;
  if (hint.kind !== void 0 && m.kind !== hint.kind) return false;
  if (hint.resource !== void 0 && ![m.kind.toLowerCase(), plural(m.kind)].includes(hint.resource.toLowerCase())) return false;
  return true;
}
var objectLabel = (m) => `${m.kind.toLowerCase()}/${m.name}`;
function objectErrors(stderr, applied, manifests) {
  const reported = new Set(applied.map((l) => l.ref));
  const pool = manifests.filter((m) => !reported.has(resourceName(m)));
  const out = [];
  for (const chunk of errorChunks(stderr)) {
    const classified = classify(chunk);
    const hint = objectHint(chunk);
    const i = Object.keys(hint).length > 0 ? pool.findIndex((m) => fits(m, hint)) : -1;
    const manifest = i >= 0 ? pool.splice(i, 1)[0] : void 0;
    const named = manifest ? objectLabel(manifest) : hint.name ? `${(hint.kind ?? hint.resource ?? "object").toLowerCase()}/${hint.name}` : void 0;
    const error2 = { ...classified, ...named ? { object: named } : {}, ...manifest ? { manifest } : {} };
    if (!out.some((e) => e.object === error2.object && e.message === error2.message)) out.push(error2);
  }
  return out;
}
var formatObjectError = (e) => e.object ? `${e.object}: ${e.message}` : e.message;

// src/apply/apply-target.ts
async function applyTarget(kubectl, target, flags, manifests, redact = (t) => t) {
  let stdout = "";
  let stderr = "";
  let failed = false;
  try {
    stdout = (await kubectl.apply(target.dir, flags)).stdout;
  } catch (error2) {
    failed = true;
    if (error2 instanceof KubectlError) ({ stdout, stderr } = error2.result);
    else stderr = `error: ${errorMessage(error2)}`;
  }
  const lines2 = parseApplyOutput(stdout);
  const resources = toResources(lines2, manifests).map((r) => ({ path: target.rel, ...r }));
  for (const r of resources) info2(oneLine(`${target.rel}: ${objectLabel(r)}${r.namespace ? ` (${r.namespace})` : ""} ${r.action}${r.dryRun ? ` (${r.dryRun} dry run)` : ""}`));
  if (!failed) return { result: { path: target.rel, state: flags.dryRun === "none" ? "applied" : "dry-run", errors: [] }, resources };
  const errors = objectErrors(redact(stderr), lines2, manifests);
  const failedObjects = errors.flatMap((e) => e.manifest ? [{ path: target.rel, kind: e.manifest.kind, namespace: e.manifest.namespace, name: e.manifest.name, action: "failed", error: e.message }] : []);
  const messages = errors.map((e) => `${target.rel}: kubectl apply failed: ${formatObjectError(e)}`);
  for (const m of messages) info2(oneLine(m));
  return { result: { path: target.rel, state: "failed", errors: messages }, resources: [...resources, ...failedObjects] };
}
function notAttempted(targets, why) {
  return targets.map((t) => ({ path: t.rel, state: "not-attempted", errors: [why] }));
}

// src/apply/diff-parts.ts
import { availableParallelism } from "node:os";
var OBJECTS_PER_PART = 10;
function partCount(objects, cores) {
  return Math.max(1, Math.min(cores, Math.floor(objects / OBJECTS_PER_PART)));
}
function splitDocuments2(render) {
  return render.split(/^---[ \t]*$/m).map((d) => d.replace(/^\n+/, "")).filter((d) => d.trim() !== "");
}
function partition(documents, parts) {
  const n = Math.max(1, Math.min(parts, documents.length));
  return Array.from({ length: n }, (_, i) => {
    const slice = documents.slice(Math.floor(i * documents.length / n), Math.floor((i + 1) * documents.length / n));
    return slice.map((d) => d.endsWith("\n") ? d : `${d}
`).join("---\n");
  });
}
function joinDiffs(results) {
  return {
    differences: results.some((r) => r.differences),
    output: results.map((r) => r.output).join(""),
    warnings: results.map((r) => r.warnings).filter(Boolean).join("\n"),
    parts: results.length
  };
}
async function diffTarget(kubectl, dir, flags, expected, render, cores = availableParallelism()) {
  const parts = partCount(expected, cores);
  if (parts < 2 || !render) return kubectl.diff(dir, flags);
  const streams = partition(splitDocuments2(await render()), parts);
  return joinDiffs(await Promise.all(streams.map((stream) => kubectl.diffManifests(stream, flags))));
}

// src/apply/drift.ts
var key = (m) => `${m.kind}/${m.namespace}/${m.name}`;
function driftCandidates(recorded) {
  return recorded.filter((m) => DRIFT_KINDS.has(m.kind) && m.images.size > 0);
}
function findDrift(recorded, live, rendered) {
  const recordedByKey = new Map(driftCandidates(recorded).map((m) => [key(m), m]));
  const renderedByKey = new Map(rendered.map((m) => [key(m), m]));
  const drift = [];
  for (const object of live) {
    const current = liveManifest(object);
    const was = current && recordedByKey.get(key(current));
    if (!current || !was) continue;
    for (const [container, image] of current.images) {
      const recordedImage = was.images.get(container);
      if (recordedImage === void 0 || recordedImage === image) continue;
      const applied = renderedByKey.get(key(current))?.images.get(container) ?? "";
      drift.push({ kind: current.kind, namespace: current.namespace, name: current.name, container, live: image, recorded: recordedImage, applied });
    }
  }
  return drift;
}
function liveQueries(candidates) {
  const kinds = /* @__PURE__ */ new Map();
  for (const m of candidates) {
    const set = kinds.get(m.namespace) ?? /* @__PURE__ */ new Set();
    set.add(resourceType(m));
    kinds.set(m.namespace, set);
  }
  return new Map([...kinds].map(([ns, set]) => [ns, [...set].sort().join(",")]));
}

// src/apply/kubeconfig.ts
var import_yaml8 = __toESM(require_dist(), 1);
import { existsSync as existsSync3 } from "node:fs";
import { mkdtemp, readFile as readFile2, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import * as path2 from "node:path";

// src/apply/kubeconfig-secrets.ts
var import_yaml7 = __toESM(require_dist(), 1);
var SECRET_FIELDS = /* @__PURE__ */ new Set(["token", "password", "client-key-data", "client-certificate-data", "certificate-authority-data"]);
var SECRET_NAME = /token|secret|passw|credential|private|key|cookie|session|authorization|cert/i;
var LOCATION_NAME = /(file|path|dir|url|endpoint)$/i;
var MIN_GUESSED = 4;
function kubeconfigSecrets(content) {
  let doc;
  try {
    doc = (0, import_yaml7.parse)(content);
  } catch {
    return linesOf(content);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return linesOf(content);
  const found = [];
  const record = doc;
  for (const entry of list2(record.clusters)) collectCluster(field(entry, "cluster"), found);
  for (const entry of list2(record.users)) collectUser(field(entry, "user"), found);
  return [...new Set(found.flatMap(withLines))].filter((s) => s.trim() !== "");
}
function collectCluster(cluster, found) {
  collectFields(cluster, found);
  for (const url of ["server", "proxy-url"]) found.push(...urlPassword(field(cluster, url)));
}
function collectUser(user, found) {
  collectFields(user, found);
  const exec = field(user, "exec");
  for (const variable of list2(field(exec, "env"))) {
    const name = field(variable, "name");
    if (typeof name === "string" && secretName(name)) guessed(field(variable, "value"), found);
  }
  found.push(...secretArgs(list2(field(exec, "args")).filter((a) => typeof a === "string")));
  const config = field(field(user, "auth-provider"), "config");
  if (config && typeof config === "object") {
    for (const [name, value] of Object.entries(config)) if (secretName(name)) guessed(value, found);
  }
}
function collectFields(section, found) {
  if (!section || typeof section !== "object") return;
  for (const [name, value] of Object.entries(section)) {
    if (SECRET_FIELDS.has(name) && (typeof value === "string" || typeof value === "number")) found.push(String(value));
  }
}
function secretArgs(args) {
  const found = [];
  args.forEach((arg, i) => {
    const flag2 = /^--?([\w.-]+)(?:=([\s\S]*))?$/.exec(arg);
    if (!flag2 || !secretName(flag2[1])) return;
    const value = flag2[2] ?? (args[i + 1]?.startsWith("-") ? void 0 : args[i + 1]);
    guessed(value, found);
  });
  return found;
}
function urlPassword(value) {
  if (typeof value !== "string") return [];
  const password = /^[a-z][\w+.-]*:\/\/[^/@:]*:([^/@]+)@/i.exec(value)?.[1];
  if (!password) return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
  }
  return [password, decoded];
}
var secretName = (name) => SECRET_NAME.test(name) && !LOCATION_NAME.test(name);
function guessed(value, found) {
  if ((typeof value === "string" || typeof value === "number") && String(value).length >= MIN_GUESSED) found.push(String(value));
}
var withLines = (value) => value.includes("\n") ? [value, ...value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= MIN_GUESSED)] : [value];
var list2 = (value) => Array.isArray(value) ? value : [];
var field = (value, name) => value && typeof value === "object" ? value[name] : void 0;
var TRIVIAL = /^(-\s*)?([\w-]+:\s*(v1|Config|\{\}|\[\]|null|"")?|-)$/;
function linesOf(content) {
  const found = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length < 6 || TRIVIAL.test(line)) continue;
    found.push(line);
    const value = /^(?:-\s*)?[\w-]+:\s+(.+)$/.exec(line)?.[1];
    if (value && value.length >= 8) found.push(value);
  }
  return [...new Set(found)];
}

// src/apply/kubeconfig.ts
var EXPECTED2 = "kubeconfig YAML with clusters, users and contexts (as `kubectl config view --raw` prints it)";
function maskKubeconfig(content, mask = setSecret) {
  for (const secret of kubeconfigSecrets(content)) mask(secret);
}
function parseKubeconfig(content, source) {
  let doc;
  try {
    doc = (0, import_yaml8.parse)(content);
  } catch (error2) {
    const at = error2.linePos?.[0]?.line;
    const code4 = error2.code ?? "YAML error";
    throw new InputError("kubeconfig", source, EXPECTED2, `not YAML (${code4}${at ? ` at line ${at}` : ""})`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new InputError("kubeconfig", source, EXPECTED2, "not a YAML mapping");
  const record = doc;
  const contexts = /* @__PURE__ */ new Map();
  for (const entry of Array.isArray(record.contexts) ? record.contexts : []) {
    const name = entry?.name;
    const ns = entry?.context?.namespace;
    if (typeof name === "string" && name) contexts.set(name, { namespace: typeof ns === "string" && ns ? ns : void 0 });
  }
  const current = record["current-context"];
  return { currentContext: typeof current === "string" ? current : "", contexts };
}
function mergeKubeconfigs(docs) {
  const contexts = /* @__PURE__ */ new Map();
  for (const doc of docs) for (const [name, ctx] of doc.contexts) if (!contexts.has(name)) contexts.set(name, ctx);
  return { currentContext: docs.find((d) => d.currentContext)?.currentContext ?? "", contexts };
}
function chooseContext(doc, requested, source) {
  const known = [...doc.contexts.keys()];
  const list4 = known.length > 0 ? `one of its contexts: ${known.join(", ")}` : "a kubeconfig that defines contexts";
  if (requested) {
    const ctx2 = doc.contexts.get(requested);
    if (!ctx2) throw new InputError("context", requested, list4, `${source} has no such context`);
    return { context: requested, namespace: ctx2.namespace };
  }
  if (!doc.currentContext) throw new InputError("context", "", list4, `${source} sets no current-context`);
  const ctx = doc.contexts.get(doc.currentContext);
  if (!ctx) throw new InputError("kubeconfig", source, EXPECTED2, `its current-context '${doc.currentContext}' is not one of its contexts`);
  return { context: doc.currentContext, namespace: ctx.namespace };
}
async function prepareKubeconfig(content, context, env = process.env) {
  if (content.trim() !== "") return writeKubeconfig(content, context, env);
  const list4 = env.KUBECONFIG || path2.join(homedir(), ".kube", "config");
  const files2 = list4.split(path2.delimiter).filter((f) => f && existsSync3(f));
  const source = env.KUBECONFIG ? `the runner's KUBECONFIG (${list4})` : `the runner's ${list4}`;
  if (files2.length === 0) {
    throw new InputError("kubeconfig", "", "kubeconfig content, or a runner whose KUBECONFIG or ~/.kube/config exists", `${source} does not exist`);
  }
  const docs = await Promise.all(files2.map(async (f) => parseKubeconfig(await readFile2(f, "utf8"), f)));
  const chosen = chooseContext(mergeKubeconfigs(docs), context, source);
  info2(`kubeconfig: ${source}, context ${chosen.context}`);
  return { path: list4, ...chosen, dispose: async () => {
  } };
}
async function writeKubeconfig(content, context, env) {
  maskKubeconfig(content);
  const chosen = chooseContext(parseKubeconfig(content, "(the input content)"), context, "the 'kubeconfig' input");
  const dir = await mkdtemp(path2.join(env.RUNNER_TEMP || tmpdir(), "kid-kubeconfig-"));
  const file = path2.join(dir, "kubeconfig");
  const removed = removeOnCancel(dir);
  const dispose = async () => {
    await rm2(dir, { recursive: true, force: true }).catch((error2) => warning(`could not remove ${dir}: ${errorMessage(error2)}`));
    removed();
  };
  try {
    await writeFile2(file, content, { mode: 384, flag: "wx" });
  } catch (error2) {
    await dispose();
    throw error2;
  }
  info2(`kubeconfig: from the 'kubeconfig' input (written to a 0600 temp file), context ${chosen.context}`);
  return { path: file, ...chosen, dispose };
}

// src/pool.ts
import { availableParallelism as availableParallelism2 } from "node:os";
async function mapLimit(items, fn, limit = availableParallelism2()) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

// src/apply/pod-details.ts
var MAX_PODS = 3;
var MAX_EVENTS = 10;
var MAX_CHARS = 4e3;
function selectorString(selector) {
  const labels = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const expressions = (selector?.matchExpressions ?? []).map((e) => {
    const values = (e.values ?? []).join(",");
    switch (e.operator) {
      case "In":
        return `${e.key} in (${values})`;
      case "NotIn":
        return `${e.key} notin (${values})`;
      case "Exists":
        return String(e.key);
      case "DoesNotExist":
        return `!${e.key}`;
      default:
        return "";
    }
  });
  return [...labels, ...expressions].filter(Boolean).join(",");
}
var isReady = (pod) => (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
function describePod(pod) {
  const out = [`pod/${pod.metadata?.name} (${pod.status?.phase ?? "unknown phase"})`];
  for (const c of pod.status?.conditions ?? []) {
    if (c.status === "True") continue;
    out.push(`  condition ${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ""}${c.message ? `: ${c.message}` : ""}`);
  }
  const statuses = [...pod.status?.initContainerStatuses ?? [], ...pod.status?.containerStatuses ?? []];
  for (const s of statuses) {
    const [state, detail] = Object.entries(s.state ?? {})[0] ?? ["unknown", {}];
    const why = detail?.reason ? ` ${detail.reason}${detail.message ? `: ${detail.message}` : ""}` : "";
    out.push(`  container ${s.name}: ${state}${why}, ready=${s.ready}, restarts=${s.restartCount ?? 0}`);
  }
  return out.join("\n");
}
function bounded(text3, max = MAX_CHARS) {
  return text3.length <= max ? text3 : `${text3.slice(0, max)}
\u2026 (${text3.length - max} more characters not shown)`;
}
async function notReadyPods(kubectl, ref) {
  try {
    const [workload] = await kubectl.get([`${ref.kind.toLowerCase()}/${ref.name}`], ref.namespace);
    const selector = selectorString(workload?.spec?.selector);
    if (!selector) return "";
    const pods = (await kubectl.list("pods", ref.namespace, selector)).filter((p) => !isReady(p));
    if (pods.length === 0) return "";
    const shown = pods.slice(0, MAX_PODS);
    const parts = await Promise.all(
      shown.map(async (pod) => {
        const events = (await kubectl.events({ kind: "Pod", name: String(pod.metadata?.name), namespace: ref.namespace })).trimEnd().split("\n");
        const tail = events.length > MAX_EVENTS + 1 ? [events[0], `\u2026 (${events.length - MAX_EVENTS - 1} earlier events)`, ...events.slice(-MAX_EVENTS)] : events;
        return `${describePod(pod)}
  events:
${tail.map((l) => `    ${l}`).join("\n")}`;
      })
    );
    const more = pods.length > shown.length ? `
(${pods.length - shown.length} more not-ready pods not shown)` : "";
    return bounded(`${pods.length} not-ready pod(s) of ${ref.kind.toLowerCase()}/${ref.name}:
${parts.join("\n")}${more}`);
  } catch (error2) {
    return `the pods of ${ref.kind.toLowerCase()}/${ref.name} could not be read: ${errorMessage(error2)}`;
  }
}

// src/verbatim.ts
import { randomUUID as randomUUID2 } from "node:crypto";
function logVerbatim(text3) {
  const token = randomUUID2();
  info(`::stop-commands::${token}`);
  info(text3);
  info(`::${token}::`);
}

// src/apply/rollout.ts
var NOT_WAITABLE = /only available for RollingUpdate strategy|rollout status is only available/;
function formatDuration(seconds2) {
  const h = Math.floor(seconds2 / 3600);
  const m = Math.floor(seconds2 % 3600 / 60);
  const s = seconds2 % 60;
  return [h ? `${h}h` : "", m ? `${m}m` : "", s || !h && !m ? `${s}s` : ""].join("");
}
async function waitOne(kubectl, ref, timeoutSeconds, redact) {
  const base = { ...ref.path !== void 0 ? { path: ref.path } : {}, kind: ref.kind, namespace: ref.namespace, name: ref.name };
  const label = `${ref.kind.toLowerCase()}/${ref.name}${ref.namespace ? ` in ${ref.namespace}` : ""}`;
  const result = await kubectl.rolloutStatus(ref, timeoutSeconds);
  const lastLine = result.stdout.trim().split("\n").pop() ?? "";
  if (result.code === 0) {
    const message2 = `${lastLine || "rolled out"}${ref.unchanged ? " (unchanged by this apply)" : ""}`;
    info2(`${label}: ${message2}`);
    return { ...base, ok: true, message: message2 };
  }
  if (NOT_WAITABLE.test(result.stderr)) {
    info2(`${label}: not waited for (${firstLines(result.stderr, 1)})`);
    return { ...base, ok: true, message: `not waited for: ${firstLines(result.stderr, 1)}` };
  }
  const classified = classify(result.stderr);
  const why = [classified.kind === "timeout" ? lastLine.replace(/\.\.\.$/, "") : "", ref.unchanged ? "the apply left it unchanged and it is not ready" : ""].filter(Boolean).join("; ");
  const message = redact(
    classified.kind === "timeout" ? `rollout of ${label} did not complete within ${formatDuration(timeoutSeconds)}${why ? ` (${why})` : ""}` : `rollout of ${label} failed: ${classified.message}${why ? ` (${why})` : ""}`
  );
  const [describe2, events, pods] = await Promise.all([kubectl.describe(ref), kubectl.events(ref), notReadyPods(kubectl, ref)]);
  const workload = `$ kubectl describe ${ref.kind.toLowerCase()} ${ref.name}
${bounded(redact(describe2.trimEnd()))}

$ kubectl events --for ${ref.kind.toLowerCase()}/${ref.name}
${bounded(redact(events.trimEnd()))}`;
  const details = pods ? `${workload}

${redact(pods)}` : workload;
  info2(message);
  logVerbatim(details);
  return { ...base, ok: false, message, details };
}
async function waitForRollouts(kubectl, refs, timeoutSeconds, redact = (t) => t) {
  const unchanged = refs.filter((r) => r.unchanged).length;
  if (refs.length > 0) info2(`waiting up to ${formatDuration(timeoutSeconds)} for ${refs.length} workload(s) to be ready${unchanged ? ` (${unchanged} unchanged by this apply)` : ""}`);
  return Promise.all(refs.map((ref) => waitOne(kubectl, ref, timeoutSeconds, redact)));
}

// src/apply/secret-redaction.ts
var import_yaml10 = __toESM(require_dist(), 1);

// src/preview/secret-copies.ts
var import_yaml9 = __toESM(require_dist(), 1);
var MIN_SUBSTRING = 4;
var MIN_LINE = 8;
var PLACEHOLDERS = { both: "(redacted secret value)", old: "(redacted secret value: old)", new: "(redacted secret value: new)" };
var isSecret = (text3, kind) => kind === "Secret" || /^kind: *["']?Secret["']? *$/m.test(text3);
function secretValues(render) {
  const values = /* @__PURE__ */ new Set();
  for (const text3 of splitDocuments(render)) {
    if (!isSecret(text3, readDocument(text3).id?.kind)) continue;
    let object;
    try {
      object = (0, import_yaml9.parse)(text3);
    } catch {
      continue;
    }
    for (const [field2, encoded] of [["data", true], ["stringData", false]]) {
      const map = object?.[field2];
      if (!map || typeof map !== "object") continue;
      for (const value of Object.values(map)) {
        if (typeof value !== "string" || value === "") continue;
        if (encoded) {
          values.add(value.replace(/\s+/g, ""));
          const decoded = Buffer.from(value, "base64").toString("utf8");
          if (decoded !== "" && !decoded.includes("\uFFFD")) values.add(decoded);
        } else values.add(value);
      }
    }
  }
  return values;
}
function formsOf(value) {
  const forms = [value, Buffer.from(value, "utf8").toString("base64"), JSON.stringify(value).slice(1, -1)];
  if (value.includes("\n")) {
    for (const line of value.split("\n")) if (line.trim().length >= MIN_LINE) forms.push(line.trim());
  }
  return forms.filter((f) => f !== "");
}
function secretCopies(base, head) {
  const sides = [secretValues(base), secretValues(head)];
  const side = (form, values) => [...values].some((v) => formsOf(v).includes(form));
  const copies = /* @__PURE__ */ new Map();
  for (const value of /* @__PURE__ */ new Set([...sides[0], ...sides[1]])) {
    for (const form of formsOf(value)) {
      if (copies.has(form)) continue;
      const [old, now] = sides.map((values) => side(form, values));
      copies.set(form, old && now ? PLACEHOLDERS.both : old ? PLACEHOLDERS.old : PLACEHOLDERS.new);
    }
  }
  return copies;
}
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function redactCopies(text3, copies) {
  if (copies.size === 0) return text3;
  const forms = [...copies.keys()].sort((a, b) => b.length - a.length);
  let out = text3;
  for (const form of forms) {
    const placeholder2 = copies.get(form);
    if (form.length >= MIN_SUBSTRING) {
      if (out.includes(form)) out = out.split(form).join(placeholder2);
    } else {
      const whole = new RegExp(`^(\\s*(?:- |[^\\n:]+:[ \\t]+))(["']?)${escapeRe(form)}\\2[ \\t]*$`, "gm");
      out = out.replace(whole, (_m, lead) => `${lead}${placeholder2}`);
    }
  }
  return out;
}

// src/apply/secret-redaction.ts
var list3 = (value) => Array.isArray(value) ? value.filter((v) => v && typeof v === "object") : [];
function podSpec(object) {
  return object.spec?.jobTemplate?.spec?.template?.spec ?? object.spec?.template?.spec ?? (object.kind === "Pod" ? object.spec : void 0);
}
function secretRefs(object) {
  const spec = object && typeof object === "object" ? podSpec(object) : void 0;
  if (!spec) return [];
  const names = list3(spec.imagePullSecrets).map((s) => s.name);
  for (const volume of list3(spec.volumes)) names.push(volume.secret?.secretName, ...list3(volume.projected?.sources).map((s) => s.secret?.name));
  for (const c of [...list3(spec.containers), ...list3(spec.initContainers), ...list3(spec.ephemeralContainers)]) {
    names.push(...list3(c.env).map((e) => e.valueFrom?.secretKeyRef?.name), ...list3(c.envFrom).map((e) => e.secretRef?.name));
  }
  return [...new Set(names.filter((n) => typeof n === "string" && n !== ""))];
}
function oldNames(manifests, live, defaultNamespace) {
  const byNamespace = /* @__PURE__ */ new Map();
  const add = (ns, name) => byNamespace.set(ns, (byNamespace.get(ns) ?? /* @__PURE__ */ new Set()).add(`secret/${name}`));
  for (const m of manifests) if (m.kind === "Secret" && m.group === "") add(m.namespace, m.name);
  for (const object of live) {
    const ns = object?.metadata?.namespace || defaultNamespace;
    for (const name of secretRefs(object)) add(ns, name);
  }
  return byNamespace;
}
var HASHED = /^(.+)-[2456789bcdfghkmt]{10}$/;
async function otherGenerations(kubectl, manifests, byNamespace) {
  const bases = /* @__PURE__ */ new Map();
  for (const m of manifests) {
    const base = m.kind === "Secret" && m.group === "" ? HASHED.exec(m.name)?.[1] : void 0;
    if (base) bases.set(m.namespace, (bases.get(m.namespace) ?? /* @__PURE__ */ new Set()).add(base));
  }
  const listed = await Promise.all([...bases].map(async ([ns, names]) => [ns, otherNames(await kubectl.names("secrets", ns || void 0).catch(() => []), names)]));
  for (const [ns, refs] of listed) if (refs.length > 0) byNamespace.set(ns, /* @__PURE__ */ new Set([...byNamespace.get(ns) ?? [], ...refs]));
}
function otherNames(listed, bases) {
  return listed.filter((ref) => ref.startsWith("secret/") && bases.has(HASHED.exec(ref.slice("secret/".length))?.[1] ?? ""));
}
async function liveSecrets(kubectl, manifests, live, defaultNamespace) {
  const byNamespace = oldNames(manifests, live, defaultNamespace);
  await otherGenerations(kubectl, manifests, byNamespace);
  const read = await Promise.all([...byNamespace].map(([ns, refs]) => kubectl.get([...refs], ns || void 0).catch(() => [])));
  return read.flat().map((object) => `${(0, import_yaml10.stringify)(object)}---
`).join("");
}
function targetCopies(live, recorded, rendered) {
  const copies = secretCopies(live || recorded, rendered);
  if (live) {
    for (const [form] of secretCopies(recorded, "")) if (!copies.has(form)) copies.set(form, PLACEHOLDERS.old);
  }
  return copies;
}
function redactor(copies) {
  const all = /* @__PURE__ */ new Map();
  for (const map of copies) for (const [form, placeholder2] of map) if (!all.has(form)) all.set(form, placeholder2);
  return (text3) => redactCopies(text3, all);
}

// src/apply/apply.ts
async function prepareCluster(settings, checked2) {
  const kubeconfig = await prepareKubeconfig(settings.kubeconfig, settings.context);
  const flags = { context: settings.context || void 0, namespace: settings.namespace || void 0, loadRestrictor: settings.loadRestrictor };
  const kubectl = new Kubectl(settings.kubectl, { KUBECONFIG: kubeconfig.path }, flags);
  return { kubectl, kubeconfig, settings, namespace: settings.namespace || kubeconfig.namespace || "default", checked: checked2 };
}
var flagsOf = (s) => ({ serverSide: s.serverSide, fieldManager: s.fieldManager, forceConflicts: s.forceConflicts, dryRun: s.dryRun });
function lookAhead(cluster, targets, recorded, rendering) {
  return mapLimit(targets, (t) => look(cluster, t, recordedManifests(cluster, recorded, t), rendering && (async () => (await rendering).get(t.dir) ?? "")));
}
var recordedManifests = (cluster, recorded, t) => {
  const before = recorded.get(t.dir);
  return before === void 0 ? void 0 : parseManifests(before, cluster.namespace);
};
async function look(cluster, target, recorded, render) {
  const [diff, live] = await Promise.all([
    diffTarget(cluster.kubectl, target.dir, flagsOf(cluster.settings), recorded?.length ?? 0, render).catch((error2) => error2 instanceof Error ? error2 : new Error(errorMessage(error2))),
    recorded ? liveWorkloads(cluster, recorded) : Promise.resolve([])
  ]);
  return { diff, live };
}
async function preview(cluster, target, before, render, looked) {
  const recorded = before === void 0 ? void 0 : parseManifests(before, cluster.namespace);
  const [rendered, { diff, live }] = await Promise.all([render ?? cluster.kubectl.kustomize(target.dir), looked ?? look(cluster, target, recorded)]);
  const manifests = parseManifests(rendered, cluster.namespace);
  const liveObjects = live instanceof Error ? [] : live;
  const copies = targetCopies(await liveSecrets(cluster.kubectl, [...manifests, ...recorded ?? []], liveObjects, cluster.namespace), before ?? "", rendered);
  const redact = redactor([copies]);
  if (live instanceof Error) info2(redact(`${target.rel}: no drift check: ${errorMessage(live)}`));
  const drift = recorded && !(live instanceof Error) ? findDrift(recorded, live, manifests) : [];
  if (diff instanceof Error) {
    const why = diff instanceof KubectlError ? classifyAll(diff.result.stderr).map((c) => c.message).join("; ") : errorMessage(diff);
    warning(redact(`${target.rel}: kubectl diff failed, applying anyway: ${why}`));
    return { manifests, drift, copies };
  }
  if (diff.warnings) info2(redact(`${target.rel}: kubectl diff said: ${diff.warnings}`));
  const how = diff.parts ? `kubectl diff of the render in ${diff.parts} parts at once` : "kubectl diff -k";
  info2(oneLine(diff.differences ? `${target.rel}: ${how} shows differences:` : `${target.rel}: ${how} shows no differences`));
  if (diff.differences) logVerbatim(redact(redactSecretDiffs(diff.output)));
  return { manifests, changed: changedInDiff(diff.output, manifests), drift, copies };
}
async function liveWorkloads(cluster, recorded) {
  try {
    const queries = [...liveQueries(driftCandidates(recorded))];
    return (await Promise.all(queries.map(([ns, kinds]) => cluster.kubectl.get([kinds], ns || void 0)))).flat();
  } catch (error2) {
    return error2 instanceof Error ? error2 : new Error(errorMessage(error2));
  }
}
function rolloutTargets(resources, changed) {
  const changedByApply = (r) => {
    if (r.action === "created" || r.action === "configured") return true;
    if (r.action !== "serverside-applied") return false;
    return changed === void 0 || changed.some((m) => m.kind === r.kind && m.name === r.name && m.namespace === r.namespace);
  };
  return resources.filter((r) => ROLLOUT_KINDS.has(r.kind) && !r.dryRun && r.action !== "failed").map((r) => ({ kind: r.kind, name: r.name, namespace: r.namespace, ...r.path !== void 0 ? { path: r.path } : {}, ...changedByApply(r) ? {} : { unchanged: true } }));
}
async function applyTargets(cluster, targets, recorded, rendered, looked) {
  const version = await cluster.checked;
  if (version instanceof Error) throw version;
  const s = cluster.settings;
  const outcome = { applied: false, dryRun: s.dryRun, context: cluster.kubeconfig.context, resources: [], targets: [], drift: [], rollouts: [], failures: [] };
  const previews2 = await mapLimit(targets, (t, i) => preview(cluster, t, recorded.get(t.dir), rendered?.get(t.dir), looked?.[i]));
  const redact = redactor(previews2.map((p) => p.copies));
  outcome.drift = previews2.flatMap((p) => p.drift);
  for (const d of outcome.drift) {
    warning(`drift: ${d.kind.toLowerCase()}/${d.name} in ${d.namespace} container ${d.container} runs ${d.live}, git recorded ${d.recorded}; applying ${d.applied || "the recorded state"}`);
  }
  const toWait = [];
  for (const [i, target] of targets.entries()) {
    const { result, resources } = await applyTarget(cluster.kubectl, target, flagsOf(s), previews2[i].manifests, redact);
    outcome.targets.push(result);
    outcome.resources.push(...resources);
    outcome.failures.push(...result.errors);
    toWait.push(...rolloutTargets(resources, previews2[i].changed));
  }
  outcome.applied = s.dryRun === "none" && outcome.targets.every((t) => t.state === "applied");
  if (s.wait && s.dryRun === "none") {
    outcome.rollouts = await waitForRollouts(cluster.kubectl, toWait, s.timeoutSeconds, redact);
    outcome.failures.push(...outcome.rollouts.filter((r) => !r.ok).map((r) => r.message));
  }
  return outcome;
}
function nothingApplied(cluster, targets, why) {
  info2(`not applying: ${why}`);
  const s = cluster.settings;
  return { applied: false, dryRun: s.dryRun, context: cluster.kubeconfig.context, resources: [], targets: notAttempted(targets, why), drift: [], rollouts: [], failures: [] };
}

// src/apply/committed-tree.ts
import { copyFile as copyFile2, mkdir as mkdir2, mkdtemp as mkdtemp2, readdir as readdir2, rm as rm3, symlink as symlink2, writeFile as writeFile3 } from "node:fs/promises";
import { constants as constants3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import * as path3 from "node:path";

// src/apply/apply-summary.ts
function applyOutputs(outcome) {
  return {
    applied: String(outcome?.applied ?? false),
    resources: JSON.stringify(outcome?.resources ?? [])
  };
}
var code2 = (s) => code(s, true);
function fence(text3) {
  const longest = Math.max(2, ...[...text3.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}text
${text3}
${ticks}`;
}
var cell = (s) => text(s);
function targetCell(t) {
  const why = t.errors.map((e) => cell(e.replace(`${t.path}: `, ""))).join("<br>");
  switch (t.state) {
    case "applied":
      return "\u2705 applied";
    case "dry-run":
      return "dry run only: nothing applied";
    case "failed":
      return `\u274C **not applied** \u2014 ${why}`;
    case "not-attempted":
      return `\u23ED\uFE0F not attempted \u2014 ${why}`;
  }
}
function applyMarkdown(outcome) {
  const mode = outcome.dryRun === "none" ? "" : ` (dry run: ${outcome.dryRun})`;
  const out = [`### Apply${mode} \u2014 context ${code2(outcome.context)}`, ""];
  if (outcome.targets.length > 0) {
    out.push("| target | apply |", "| --- | --- |");
    for (const t of outcome.targets) out.push(`| ${code2(t.path)} | ${targetCell(t)} |`);
    out.push("");
  }
  if (outcome.drift.length > 0) {
    out.push("**Drift**: the cluster ran images that git did not record (changed behind git's back); this apply replaced them.", "");
    out.push("| workload | container | live | git recorded | applied |", "| --- | --- | --- | --- | --- |");
    for (const d of outcome.drift) {
      out.push(`| ${code2(`${d.kind.toLowerCase()}/${d.name}`)} (${code2(d.namespace)}) | ${code2(d.container)} | ${code2(d.live)} | ${code2(d.recorded)} | ${d.applied ? code2(d.applied) : "\u2014"} |`);
    }
    out.push("");
  }
  if (outcome.resources.length > 0) {
    out.push("| kind | namespace | name | result |", "| --- | --- | --- | --- |");
    for (const r of outcome.resources) out.push(`| ${code2(r.kind)} | ${r.namespace ? code2(r.namespace) : "\u2014"} | ${code2(r.name)} | ${r.action}${r.dryRun ? ` (${r.dryRun} dry run)` : ""}${r.error ? `: ${cell(r.error)}` : ""} |`);
    out.push("");
  }
  for (const r of outcome.rollouts) out.push(`- ${r.ok ? "\u2705" : "\u274C"} ${code2(`${r.kind.toLowerCase()}/${r.name}`)} (${code2(r.namespace)}): ${text(r.message)}`);
  if (outcome.rollouts.length > 0) out.push("");
  for (const f of outcome.failures) out.push(`**Failed**: ${text(f)}`, "");
  for (const r of outcome.rollouts.filter((r2) => r2.details)) {
    out.push(`<details><summary>${text(`${r.kind.toLowerCase()}/${r.name}`)}: describe and events</summary>`, "", fence(r.details ?? ""), "", "</details>", "");
  }
  return out.join("\n");
}
function preflightMarkdown(context, refusals, stopped) {
  return [
    "## Kustomize Image Deploy",
    "",
    `### Preflight refused \u2014 context ${code2(context)}`,
    "",
    `The cluster refused the server-side dry run: ${text(stopped)}.`,
    "",
    ...refusals.map((r) => `- ${cell(r)}`),
    ""
  ].join("\n");
}

// src/apply/preflight.ts
async function preflight(cluster, targets, looking) {
  const started = Date.now();
  const looked = await looking;
  return mapLimit(
    targets,
    async (target, i) => {
      const diff = looked[i].diff;
      if (!(diff instanceof Error) && diff.warnings === "") return { target, result: "diff", ms: Date.now() - started };
      return askDryRun(cluster, target);
    },
    Math.max(targets.length, 1)
  );
}
async function askDryRun(cluster, target) {
  const flags = { serverSide: cluster.settings.serverSide, fieldManager: cluster.settings.fieldManager, forceConflicts: cluster.settings.forceConflicts, dryRun: "server" };
  const asked = Date.now();
  const result = await cluster.kubectl.apply(target.dir, flags).catch(
    (error2) => error2 instanceof KubectlError ? error2.result : error2 instanceof Error ? error2 : new Error(errorMessage(error2))
  );
  return { target, result, ms: Date.now() - asked };
}
async function checkPreflight(runs, rendered, cluster, recorded = /* @__PURE__ */ new Map()) {
  const manifests = new Map(runs.map((r) => [r.target.dir, parseManifests(rendered.get(r.target.dir) ?? "", cluster.namespace)]));
  const all = [...manifests.values()].flat();
  const redact = redactor(runs.map((r) => targetCopies("", recorded.get(r.target.dir) ?? "", rendered.get(r.target.dir) ?? "")));
  const refusals = [];
  for (const { target, result, ms } of runs) {
    if (result instanceof Error) {
      refusals.push(redact(`${target.rel}: ${result.message}`));
      continue;
    }
    if (result === "diff") {
      info2(oneLine(`${target.rel}: ${manifests.get(target.dir)?.length ?? 0} object(s) accepted by the server-side dry run of kubectl diff in ${ms} ms`));
      continue;
    }
    const lines2 = parseApplyOutput(result.stdout);
    const counts = [...new Set(lines2.map((l) => l.action))].map((action) => `${lines2.filter((l) => l.action === action).length} ${action}`);
    const accepted = `${lines2.length} object(s) accepted${counts.length > 0 ? ` (${counts.join(", ")})` : ""}`;
    if (result.code === 0) {
      info2(oneLine(`${target.rel}: ${accepted} in ${ms} ms`));
      continue;
    }
    const errors = objectErrors(redact(result.stderr), lines2, manifests.get(target.dir) ?? []);
    for (const error2 of errors) {
      const why = createdByThisApply(error2, all);
      if (why) info2(oneLine(`${target.rel}: ${error2.object ?? "an object"}: not checked, ${why}`));
      else refusals.push(`${target.rel}: ${formatObjectError(error2)}`);
    }
    info2(oneLine(`${target.rel}: ${accepted}, ${errors.length} not, in ${ms} ms`));
  }
  return refusals;
}
async function refusePreflight(refusals, cluster, stopped) {
  if (refusals.length === 0) return;
  info2(`the cluster refused the dry run: ${stopped}`);
  if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(preflightMarkdown(cluster.kubeconfig.context, refusals, stopped), true).write();
  throw new FailureList(refusals.map((r) => `preflight: ${r}`));
}
function createdByThisApply(error2, all) {
  if (error2.kind !== "not-found") return void 0;
  const text3 = error2.message;
  const ns = /namespace "([^"]+)" does not exist/.exec(text3)?.[1];
  if (ns && all.some((m) => m.kind === "Namespace" && m.name === ns)) return `its namespace ${ns} is created by this apply`;
  const kind = /does not know kind (\w+) \(([^)]+)\)/.exec(text3);
  if (kind) {
    const group2 = kind[2].split("/").slice(0, -1).join("/");
    if (all.some((m) => m.kind === "CustomResourceDefinition" && m.name === `${plural(kind[1])}.${group2}`)) return `kind ${kind[1]} is defined by this apply`;
  }
  return void 0;
}

// src/apply/committed-tree.ts
var MAX_IGNORED = 1e3;
var short = (sha) => sha.slice(0, 7);
async function renderAt(git, rev, files2, targets, kubectl) {
  const parent = await mkdtemp2(path3.join(process.env.RUNNER_TEMP || tmpdir2(), "kid-tree-"));
  const root = path3.join(parent, "tree");
  const removed = removeOnCancel(parent);
  const remove = async () => {
    await git.tryRemoveWorktree(root);
    await rm3(parent, { recursive: true, force: true });
    removed();
  };
  try {
    await git.addWorktree(root, rev).catch((error2) => {
      throw new Error(`commit: cannot check out ${short(rev)} into a temporary work tree to render it (${errorMessage(error2)}); nothing was pushed`);
    });
    await copyIgnored(git, root);
    await linkSubmodules(git, root);
    for (const file of files2) await writeFile3(path3.join(root, file.path), file.content);
    const dirs = await Promise.all(targets.map(async (t) => path3.join(root, await git.repoPath(t.dir))));
    const relative4 = (error2) => new Error(errorMessage(error2).split(`${root}${path3.sep}`).join(""));
    const renders = await mapLimit(dirs, (dir) => kubectl.kustomize(dir).catch(relative4));
    return { dirs, renders, remove };
  } catch (error2) {
    await remove();
    throw error2;
  }
}
async function copyIgnored(git, root) {
  const ignored = await git.ignoredFiles();
  if (ignored.length > MAX_IGNORED) info2(`${ignored.length} files git ignores: only the first ${MAX_IGNORED} are rendered with the commit`);
  for (const file of ignored.slice(0, MAX_IGNORED)) {
    await mkdir2(path3.dirname(path3.join(root, file)), { recursive: true });
    await copyFile2(path3.join(git.root, file), path3.join(root, file), constants3.COPYFILE_EXCL).catch(() => void 0);
  }
}
async function linkSubmodules(git, root) {
  for (const sub of await git.submodules()) {
    const from = path3.join(git.root, sub);
    if ((await readdir2(from).catch(() => [])).length === 0) continue;
    await rm3(path3.join(root, sub), { recursive: true, force: true });
    await mkdir2(path3.dirname(path3.join(root, sub)), { recursive: true });
    await symlink2(from, path3.join(root, sub), "dir");
  }
}
function describeDirty(dirty) {
  const named = dirty.slice(0, 5).map((d) => `${d.path} (${d.tracked ? "uncommitted change" : "not tracked"})`);
  return named.join(", ") + (dirty.length > 5 ? ` and ${dirty.length - 5} more` : "");
}
async function checkCheckout(git, edits, recorded, kubectl) {
  const ours2 = new Set(await Promise.all(edits.filter((e) => e.changed).map((e) => git.repoPath(e.target.file))));
  const dirty = (await git.uncommitted()).filter((d) => !ours2.has(d.path));
  const head = await git.tryRevParse("HEAD");
  const checked2 = edits.filter((e) => recorded.has(e.target.dir));
  if (dirty.length === 0 || !head || checked2.length === 0) return;
  const files2 = await Promise.all(edits.filter((e) => e.changed).map(async (e) => ({ path: await git.repoPath(e.target.file), content: e.original })));
  const { renders, remove } = await renderAt(git, head, files2, checked2.map((e) => e.target), kubectl);
  await remove();
  const where2 = `HEAD ${short(head)} plus its kustomization edit`;
  const fix = "commit or discard them before this step (nothing was written, pushed or applied)";
  checked2.forEach((edit, i) => {
    const render = renders[i];
    if (render instanceof Error) throw new Error(`commit: ${edit.target.rel} does not render at ${where2} (${render.message}): this checkout has ${describeDirty(dirty)}, which the commit would not hold; ${fix}`);
    if (render !== recorded.get(edit.target.dir)) {
      throw new Error(`commit: ${edit.target.rel} renders differently in this checkout than in the commit this run would push (${where2}): ${describeDirty(dirty)} would be applied but not committed; ${fix}`);
    }
  });
  info2(`this checkout has ${describeDirty(dirty)}; every target renders as the commit will hold it`);
}
function commitVerifier(cluster, kubectl, targets, rendered, stopped) {
  return async (git, commit) => {
    const where2 = `the commit built on '${commit.branch}' (${short(commit.sha)}, on ${short(commit.tip)})`;
    const { dirs, renders, remove } = await renderAt(git, commit.sha, [], targets, kubectl);
    try {
      const broken = renders.findIndex((r) => r instanceof Error);
      if (broken >= 0) throw new Error(`commit: ${targets[broken].rel} does not render at ${where2}: ${renders[broken].message}; nothing was pushed`);
      info2(`every target renders at ${where2}`);
      if (!cluster || cluster.settings.dryRun !== "none") return;
      const changed = targets.map((t, i) => ({ ...t, dir: dirs[i], render: renders[i] })).filter((t, i) => t.render !== rendered.get(targets[i].dir));
      if (changed.length === 0) return;
      info2(`${changed.map((t) => t.rel).join(", ")}: ${where2} renders otherwise than the preflight asked about: asking the cluster again`);
      const runs = await mapLimit(changed, (t) => askDryRun(cluster, t), Math.max(changed.length, 1));
      await refusePreflight(await checkPreflight(runs, new Map(changed.map((t) => [t.dir, t.render])), cluster), cluster, stopped(where2));
    } finally {
      await remove();
    }
  };
}

// src/edit/files.ts
import { randomBytes } from "node:crypto";
import { lstat as lstat2, open as open2, readdir as readdir3, rename as rename2, stat as stat3, unlink as unlink2, writeFile as writeFile4 } from "node:fs/promises";
import * as path4 from "node:path";
var MAX_KUSTOMIZATION_BYTES = 1024 * 1024;
var TEMP = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;
var tempName = (file) => path4.join(path4.dirname(file), `.${path4.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
async function readKustomization(file, rel) {
  const handle = await open2(file, "r");
  try {
    const { size } = await handle.stat();
    if (size > MAX_KUSTOMIZATION_BYTES) {
      const mib = (size / 1024 / 1024).toFixed(1);
      throw new FileError(`${rel}: the file is ${mib} MiB; a kustomization over 1 MiB is refused unread`, rel);
    }
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}
async function removeLeftovers(file) {
  const dir = path4.dirname(file);
  const removed = [];
  for (const name of await readdir3(dir)) {
    if (TEMP.exec(name)?.[1] !== path4.basename(file)) continue;
    const leftover = path4.join(dir, name);
    if (!(await lstat2(leftover)).isFile()) continue;
    await unlink2(leftover);
    removed.push(leftover);
  }
  return removed;
}
async function writeAtomic(file, content) {
  const mode = (await stat3(file).catch(() => void 0))?.mode ?? 420;
  const temp = tempName(file);
  try {
    await writeFile4(temp, content, { mode: mode & 511, flag: "wx" });
    await rename2(temp, file);
  } catch (error2) {
    await unlink2(temp).catch(() => void 0);
    throw error2;
  }
}
var FileJournal = class {
  originals = /* @__PURE__ */ new Map();
  /** Write `content`; `original` is what the file held before this run touched it. */
  async write(file, content, original) {
    if (!this.originals.has(file)) this.originals.set(file, original);
    await writeAtomic(file, content);
  }
  async restoreAll() {
    const restored = [];
    for (const [file, original] of this.originals) {
      await writeAtomic(file, original);
      restored.push(file);
    }
    this.originals.clear();
    return restored;
  }
};

// src/apply/recorded.ts
async function renderRecorded(kubectl, targets) {
  const results = await mapLimit(targets, (t) => kubectl.kustomize(t.dir).catch((error2) => error2 instanceof Error ? error2 : new Error(errorMessage(error2))));
  const broken = results.find((r) => r instanceof Error && !(r instanceof KubectlError));
  if (broken instanceof Error) return broken;
  const recorded = { rendered: /* @__PURE__ */ new Map(), notes: [] };
  targets.forEach((t, i) => {
    const r = results[i];
    if (typeof r === "string") recorded.rendered.set(t.dir, r);
    else recorded.notes.push(`${t.rel}: no drift check, it did not render before the edit (${r.message})`);
  });
  return recorded;
}
function stillCurrent(edits, recorded) {
  if (edits.some((e) => e.changed) || edits.some((e) => !recorded.has(e.target.dir))) return void 0;
  info2("no kustomization changed: the render made before the edit is the render");
  return recorded;
}
async function recordedRenders(recording) {
  const recorded = await recording;
  if (recorded instanceof Error) throw recorded;
  for (const note of recorded.notes) info2(oneLine(note));
  return recorded.rendered;
}
async function renderBranchTip(kubectl, targets, edits) {
  const changed = edits.filter((e) => e.changed);
  await Promise.all(changed.map((e) => writeAtomic(e.target.file, e.original)));
  try {
    const rendered = await mapLimit(targets, (t) => kubectl.kustomize(t.dir).catch((error2) => new Error(errorMessage(error2))));
    const held = /* @__PURE__ */ new Map();
    targets.forEach((t, i) => {
      const r = rendered[i];
      if (typeof r === "string") held.set(t.dir, r);
      else info2(oneLine(`${t.rel}: no drift check, it did not render at the branch tip (${r.message})`));
    });
    return held;
  } finally {
    await Promise.all(changed.map((e) => writeAtomic(e.target.file, e.content)));
  }
}

// src/apply/phase.ts
async function connect(settings, targets, held) {
  const renders = renderer(settings);
  if (!settings.apply.enabled) return { kubectl: renders, renderer: renders, recorded: /* @__PURE__ */ new Map() };
  const recording = renderRecorded(renders, targets);
  const runs = recording.then((r) => r instanceof Error ? r : settings.apply.kubectl);
  const cluster = held.cluster = await group("Preparing kubectl", () => prepareCluster(settings.apply, runs));
  const recorded = await group("Rendering what git recorded", () => recordedRenders(recording));
  return { cluster, kubectl: cluster.kubectl, renderer: renders, recorded };
}
function renderer(settings) {
  return new Kubectl(settings.apply.kubectl, {}, { loadRestrictor: settings.apply.loadRestrictor });
}
async function checkCheckoutCommitted(connected, repository, edits) {
  if (!repository || !connected.cluster || connected.cluster.settings.dryRun !== "none") return;
  await group("Checking the checkout against HEAD", () => checkCheckout(repository.git, edits, connected.recorded, connected.kubectl));
}
function verifyCommit(connected, targets, rendered) {
  return commitVerifier(connected.cluster, connected.kubectl, targets, rendered, (where2) => `${where2} was not pushed and nothing was applied`);
}
function verifyRollback(ahead, targets, deployed) {
  return commitVerifier(ahead.cluster, ahead.cluster.kubectl, targets, /* @__PURE__ */ new Map(), () => `the rollback commit was not pushed; the deploy commit ${deployed} stays applied`);
}
function askAhead(connected, targets, rendering) {
  const { cluster, recorded } = connected;
  if (!cluster) return void 0;
  const looking = lookAhead(cluster, targets, recorded, rendering);
  return { cluster, targets, recorded, looking, preflight: cluster.settings.dryRun === "none" ? preflight(cluster, targets, looking) : void 0 };
}
async function judgePreflight(ahead, rendered) {
  if (!ahead.preflight) return;
  const refusals = await checkPreflight(await ahead.preflight, rendered, ahead.cluster, ahead.recorded);
  await refusePreflight(refusals, ahead.cluster, "nothing was committed, pushed or applied, and the kustomization files were put back");
}
async function applyCommitted(ahead, commit, rendered) {
  const { cluster, targets, recorded } = ahead;
  const moved = commit.edits;
  const held = moved ? await group("Rendering the branch tip", () => renderBranchTip(cluster.kubectl, targets, moved)) : recorded;
  return group("Applying", async () => {
    if (commit.stale) return nothingApplied(cluster, targets, "the run was refused as out of order");
    return moved ? applyTargets(cluster, targets, held) : applyTargets(cluster, targets, held, rendered, await ahead.looking);
  });
}

// src/commit/message-template.ts
var PLACEHOLDERS2 = ["environment", "images", "paths", "source", "source-short"];
var PATTERN = /\{([A-Za-z-]+)\}/g;
function checkTemplate(template, input = "commit-message") {
  for (const match of template.matchAll(PATTERN)) {
    if (!PLACEHOLDERS2.includes(match[1])) {
      const expected = `a message using only the placeholders ${PLACEHOLDERS2.map((p) => `{${p}}`).join(", ")}`;
      throw new InputError(input, template, expected, `unknown placeholder {${match[1]}}`);
    }
  }
  if (template.trim() === "") throw new InputError(input, template, "a non-empty message");
  return template;
}
function renderMessage(template, values, skipCi, trailers) {
  const body2 = template.replace(
    PATTERN,
    (whole, name) => PLACEHOLDERS2.includes(name) ? values[name] : whole
  );
  const lines2 = body2.replace(/\r\n/g, "\n").trim().split("\n");
  if (skipCi && !/\[(skip ci|ci skip)\]/i.test(body2)) lines2[0] = `${lines2[0]} [skip ci]`;
  const message = lines2.join("\n");
  return trailers.length > 0 ? `${message}

${trailers.join("\n")}
` : `${message}
`;
}

// src/github/github-api.ts
var RATE_LIMIT_RETRIES = 2;
var DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
var RateLimitError = class extends Error {
  status;
  constructor(message, status) {
    super(message);
    this.name = "RateLimitError";
    this.status = status;
  }
};
function abortError(message) {
  const error2 = new Error(message);
  error2.name = "AbortError";
  return error2;
}
function timedFetch(base, ms, cancel2) {
  return async (url, init = {}) => {
    const timeout = AbortSignal.timeout(ms);
    const signals = [timeout, cancel2, init.signal].filter((s) => !!s);
    try {
      return await base(url, { ...init, signal: AbortSignal.any(signals) });
    } catch (error2) {
      const what = `${init.method ?? "GET"} ${new URL(url).pathname}`;
      if (timeout.aborted) throw abortError(`GitHub API: no answer to ${what} within ${seconds(ms)}`);
      if (cancel2?.aborted) throw abortError(`GitHub API: ${what} cancelled (${String(cancel2.reason instanceof Error ? cancel2.reason.message : cancel2.reason)})`);
      throw error2;
    }
  };
}
function rateLimitMessage(error2, capMs, now = Date.now()) {
  const e = error2;
  if (!e || e.status !== 403 && e.status !== 429) return void 0;
  const headers = e.response?.headers ?? {};
  const what = `${e.request?.method ?? ""} ${e.request?.url ? new URL(e.request.url).pathname : ""}`.trim();
  const cap = `longer than this action waits (${seconds(capMs)}, KID_RATE_LIMIT_MAX_WAIT)`;
  if (headers["x-ratelimit-remaining"] === "0") {
    const reset = Number(headers["x-ratelimit-reset"]) * 1e3;
    const at = Number.isFinite(reset) && reset > 0 ? `${new Date(reset).toISOString().replace(/\.\d+Z$/, "Z")}, in ${seconds(Math.max(0, Math.round((reset - now) / 1e3)) * 1e3)}` : "an unknown time";
    return `GitHub API rate limit exhausted (${what}): it resets at ${at}, ${cap}`;
  }
  if (headers["retry-after"] !== void 0 || /secondary rate limit/i.test(e.message ?? "")) {
    return `GitHub API secondary rate limit (${what}): asked to retry after ${headers["retry-after"] ?? "?"} s, ${cap}`;
  }
  return void 0;
}
async function githubApi(token, env = process.env, cancel2) {
  const [{ getOctokit }, { defaults }, { retry: retry2 }, { throttling }] = await Promise.all([
    import("./github-F3477LXD.js"),
    import("./utils-WNIQ5HG7.js"),
    import("./dist-bundle-M446MYPT.js"),
    import("./dist-bundle-AVDM2LA7.js")
  ]);
  const limits = timeouts(env);
  const onLimit = (kind) => (after, options, _o, retryCount) => {
    if (after * 1e3 > limits.rateLimitMaxWaitMs || retryCount >= RATE_LIMIT_RETRIES) return false;
    info2(`GitHub API ${kind} rate limit on ${options.method} ${options.url}; retrying in ${after} s`);
    return true;
  };
  const base = defaults.request?.fetch ?? fetch;
  const api = getOctokit(
    token,
    {
      baseUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
      request: { ...defaults.request, fetch: timedFetch(base, limits.apiRequestMs, cancel2) },
      throttle: { onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") },
      retry: { retries: 3, doNotRetry: DO_NOT_RETRY }
    },
    retry2,
    throttling
  );
  api.hook.error("request", (error2) => {
    const limited = rateLimitMessage(error2, limits.rateLimitMaxWaitMs);
    throw limited ? new RateLimitError(limited, error2.status ?? 403) : error2;
  });
  return api;
}
function parseRepo(value) {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  return match ? { owner: match[1], repo: match[2] } : void 0;
}
function apiStatus(error2) {
  const status = error2?.status;
  return typeof status === "number" ? status : void 0;
}
async function authenticatedLogin(api) {
  try {
    return (await api.rest.users.getAuthenticated()).data.login;
  } catch (error2) {
    if (apiStatus(error2) === 403) return void 0;
    throw error2;
  }
}
function toComment(raw) {
  const comment = { id: raw.id, body: raw.body ?? "", url: raw.html_url, createdAt: raw.created_at };
  if (raw.user) comment.author = { login: raw.user.login, type: raw.user.type };
  return comment;
}
async function listIssueComments(api, repo, issue2) {
  const raw = await api.paginate(api.rest.issues.listComments, { ...repo, issue_number: issue2, per_page: 100 });
  return raw.map(toComment);
}
async function createIssueComment(api, repo, issue2, body2) {
  return toComment((await api.rest.issues.createComment({ ...repo, issue_number: issue2, body: body2, request: { retries: 0 } })).data);
}
async function updateIssueComment(api, repo, id, body2) {
  return toComment((await api.rest.issues.updateComment({ ...repo, comment_id: id, body: body2 })).data);
}
async function deleteIssueComment(api, repo, id) {
  await api.rest.issues.deleteComment({ ...repo, comment_id: id });
}
async function compareCommits(api, repository, base, head) {
  const repo = parseRepo(repository);
  if (!repo) throw new Error(`'${repository}' is not an owner/name repository`);
  const { data } = await api.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 1 });
  return data.status;
}

// src/commit/push-failure.ts
var RULES2 = [
  ["protected", "any", /\bGH0(06|13)\b|protected branch|repository rule violations|declined by (a )?(ruleset|rule)/i],
  ["protected", "own", /hook declined/i],
  [
    "auth",
    "any",
    /authentication failed|could not read (username|password)|terminal prompts disabled|permission to \S+ denied|write access to repository not granted|invalid username or password|access denied|returned error: 40[13]\b|\b40[13] (unauthorized|forbidden)/i
  ],
  ["rejected", "own", /\[rejected\]|fetch first|non-fast-forward|cannot lock ref|failed to update ref|incorrect old value|failed to lock|stale info/i],
  [
    "transient",
    "own",
    /could not resolve host|connection (refused|reset|timed out)|couldn't connect to server|failed to connect|empty reply from server|recv failure|send failure|timed out|rpc failed|remote end hung up|early eof|returned error: 5\d\d|unexpected disconnect|gnutls|tls connection|ssl_error/i
  ]
];
function split(output2) {
  const own = [];
  const remote2 = [];
  for (const raw of output2.split("\n")) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (line === "") continue;
    if (/^remote:/i.test(line)) {
      const text3 = line.replace(/^remote:\s*/i, "");
      if (text3) remote2.push(text3);
    } else own.push(line);
  }
  return { own, remote: remote2 };
}
function classify2(output2) {
  const { own, remote: remote2 } = split(output2);
  const all = [...own, ...remote2].join("\n");
  const ownText = own.join("\n");
  for (const [kind, scope, pattern2] of RULES2) if (pattern2.test(scope === "any" ? all : ownText)) return kind;
  return "other";
}
var PROGRESS = /^(Counting|Compressing|Writing|Total|Resolving|Enumerating|Delta|Receiving|Unpacking|Processing|Create a pull request|To create a merge|https?:\/\/|(error: )?hook declined to update)/i;
var GENERIC = /failed to push some refs|^To |^Done$/i;
function keyLine(output2) {
  const { own, remote: remote2 } = split(output2);
  const clean = (l) => l.replace(/^(fatal|error):\s*/i, "");
  const gh = [...remote2, ...own].find((l) => /GH0\d\d/.test(l));
  if (gh) return clean(gh);
  const said = remote2.filter((l) => !PROGRESS.test(l));
  if (said.length > 0 && own.some((l) => /hook declined|\[remote rejected\]/i.test(l))) return clip(said.map(clean).slice(0, 3).join(" / "));
  const rejection = own.find((l) => /\[(remote )?rejected\]/i.test(l));
  if (rejection) return clip(rejection.replace(/^!\s*\S*\s*/, "").replace(/^.*?(\[(remote )?rejected\])/i, "$1"));
  const fatal = own.filter((l) => !GENERIC.test(l)).find((l) => /error|fatal|declined|denied|timed out/i.test(l));
  return clip(clean(fatal ?? said[0] ?? own.find((l) => !GENERIC.test(l)) ?? own[0] ?? ""));
}
var clip = (text3, max = 300) => text3.length > max ? `${text3.slice(0, max - 1)}\u2026` : text3;
function redactUrl(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
}
var PushError = class extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
    this.name = "PushError";
  }
  kind;
};
function pushError(operation, url, branch, output2) {
  const kind = classify2(output2);
  const where2 = `${operation} of branch '${branch}' at ${redactUrl(url)}`;
  const detail = keyLine(output2);
  switch (kind) {
    case "auth":
      return new PushError(
        kind,
        `${where2} was denied: authentication or permission failed (${detail}); pass in 'token' a token that can write to this repository (for the workflow token: permissions: contents: write)`
      );
    case "protected":
      return new PushError(
        kind,
        `${where2} was refused by a branch protection rule, ruleset or pre-receive hook (${detail}); pass in 'token' a GitHub App token allowed to bypass the rule, or push to an unprotected branch with 'branch'`
      );
    case "rejected":
      return new PushError(kind, `${where2} was rejected because the branch moved (${detail})`);
    case "transient":
      return new PushError(kind, `${where2} failed on the network (${detail})`);
    default:
      return new PushError(kind, `${where2} failed: ${detail || "no message from git"}`);
  }
}

// src/commit/git-auth.ts
function keyCovers(key2, remoteUrl) {
  const match = /^http\.(?:(.*)\.)?extraheader$/i.exec(key2);
  if (!match) return false;
  const scope = match[1] ?? "";
  if (scope === "") return true;
  const url = redactUrl(remoteUrl);
  const prefix = redactUrl(scope);
  if (!url.toLowerCase().startsWith(prefix.toLowerCase().replace(/\/$/, ""))) return false;
  const rest = url.slice(prefix.replace(/\/$/, "").length);
  return rest === "" || rest.startsWith("/") || prefix.endsWith("/");
}
function tokenConfig(remoteUrl, token, persistedKeys) {
  const basic = Buffer.from(`x-access-token:${token}`, "utf8").toString("base64");
  const resets = [...new Set(persistedKeys)].map((key2) => [key2, ""]);
  return [...resets, [`http.${redactUrl(remoteUrl)}.extraHeader`, `AUTHORIZATION: basic ${basic}`]];
}
function describeAuth(source) {
  switch (source) {
    case "token":
      return "the 'token' input";
    case "persisted":
      return "the credentials actions/checkout persisted (no token input was given)";
    case "none":
      return "git's own credential setup (no token input and no persisted credentials)";
  }
}
async function configureAuth(git, remoteUrl, token) {
  if (!/^https?:\/\//i.test(remoteUrl)) return "none";
  const headers = await git.tryConfigGetRegexp("^http\\..*extraheader$");
  const persisted = headers.filter(([key2, value]) => /^\s*authorization:/i.test(value) && keyCovers(key2, remoteUrl)).map(([key2]) => key2);
  if (!token) {
    if (persisted.length > 0) {
      info2(`no 'token' input: using the credentials persisted in the repository's git config for ${redactUrl(remoteUrl)}`);
      return "persisted";
    }
    info2(`no token and no persisted credentials for ${redactUrl(remoteUrl)}; git's own credential setup decides`);
    return "none";
  }
  const entries = tokenConfig(remoteUrl, token, persisted);
  setSecret(token);
  for (const [key2, value] of entries) {
    if (value) setSecret(value.replace(/^AUTHORIZATION: basic /, ""));
    git.setEnvConfig(key2, value);
  }
  const wins = persisted.length > 0 ? " (it wins over the credentials persisted in the git config)" : "";
  info2(`authenticating to ${redactUrl(remoteUrl)} with the 'token' input${wins}`);
  return "token";
}

// src/commit/preconditions.ts
import { realpath as realpath2 } from "node:fs/promises";

// src/github/repository.ts
var DEFAULT_SERVER = "https://github.com";
function repoFromUrl(remoteUrl, serverUrl = DEFAULT_SERVER) {
  const server = new URL(serverUrl || DEFAULT_SERVER);
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(remoteUrl);
  let host;
  let hostname2;
  let pathname;
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(remoteUrl)) {
    host = hostname2 = scp[1].toLowerCase();
    pathname = scp[2];
  } else {
    let url;
    try {
      url = new URL(remoteUrl);
    } catch {
      return void 0;
    }
    hostname2 = url.hostname.toLowerCase();
    host = url.host.toLowerCase();
    pathname = decodeURIComponent(url.pathname);
    if (/^(https?):$/.test(url.protocol) && host !== server.host.toLowerCase()) return void 0;
  }
  if (hostname2 !== server.hostname.toLowerCase()) return void 0;
  const parts = pathname.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "").split("/");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return void 0;
  return { owner: parts[0], repo: parts[1] };
}
function resolveRepository(remoteUrl, isWorkspace, env) {
  const fromUrl = repoFromUrl(remoteUrl, env.GITHUB_SERVER_URL);
  if (fromUrl) return fromUrl;
  const fallback = isWorkspace ? parseRepo(env.GITHUB_REPOSITORY ?? "") : void 0;
  if (fallback) return fallback;
  const server = env.GITHUB_SERVER_URL || DEFAULT_SERVER;
  throw new Error(
    `cannot tell which GitHub repository the remote ${remoteUrl.replace(/\/\/[^/@]*@/, "//")} is: it is not an https or ssh URL on ${server}` + (isWorkspace ? " and GITHUB_REPOSITORY is not set" : " (set GITHUB_SERVER_URL for GitHub Enterprise Server)")
  );
}
var fullName = (repo) => `${repo.owner}/${repo.repo}`;

// src/commit/git.ts
import { mkdtemp as mkdtemp3, realpath, rm as rm4 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import * as path5 from "node:path";

// src/commit/git-exec.ts
var GitError = class extends Error {
  constructor(message, result) {
    super(message);
    this.result = result;
    this.name = "GitError";
  }
  result;
};
function childEnv(config, extra = {}) {
  const env = childEnvironment({ GIT_TERMINAL_PROMPT: "0", GCM_INTERACTIVE: "never", LC_ALL: "C" });
  let i = Number(env.GIT_CONFIG_COUNT) || 0;
  for (const [key2, value] of config) {
    env[`GIT_CONFIG_KEY_${i}`] = key2;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
    i++;
  }
  if (config.size > 0) env.GIT_CONFIG_COUNT = String(i);
  return Object.assign(env, extra);
}
var timedOut = (label, ms) => `fatal: git ${label} timed out after ${seconds(ms)} (no answer from the remote)`;
async function execGit(args, options) {
  const result = await runProcess("git", args, { cwd: options.cwd, env: options.env, input: options.input, timeoutMs: options.timeoutMs }).catch((error2) => {
    throw new Error(`git: cannot run git (${error2.message}); install git on the runner`);
  });
  if (!result.killed) return result;
  const err = result.stderr;
  return { ...result, stderr: `${err}${err && !err.endsWith("\n") ? "\n" : ""}${timedOut(options.label, options.timeoutMs)}
` };
}

// src/commit/git.ts
var MINIMUM_VERSION = [2, 31];
var versionChecked;
var Git = class _Git {
  constructor(root, identity) {
    this.root = root;
    this.identity = identity;
  }
  root;
  identity;
  config = /* @__PURE__ */ new Map();
  /** The repository that contains `dir`; fails with a clear message when there is none. */
  static async open(dir, identity) {
    const probe = new _Git(dir, identity);
    versionChecked ??= probe.checkVersion();
    await versionChecked;
    const result = await probe.exec(["rev-parse", "--show-toplevel"]);
    if (result.code !== 0) throw new GitError(`${dir} is not inside a git repository (${firstLines(result.stderr)})`, result);
    return new _Git(await realpath(result.stdout.trim()), identity);
  }
  async checkVersion() {
    const result = await this.exec(["version"]);
    const match = /(\d+)\.(\d+)/.exec(result.stdout);
    const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    const [wantMajor, wantMinor] = MINIMUM_VERSION;
    if (major < wantMajor || major === wantMajor && minor < wantMinor) {
      throw new GitError(`git ${wantMajor}.${wantMinor} or later is required; found '${result.stdout.trim() || "none"}'`, result);
    }
  }
  /** The repository-relative path of a file (symlinks resolved), with `/` as git writes it. */
  async repoPath(file) {
    const real = await realpath(file).catch(() => file);
    return path5.relative(this.root, real).split(path5.sep).join("/");
  }
  /** Configuration for this process's git children only (GIT_CONFIG_COUNT), never on argv. */
  setEnvConfig(key2, value) {
    this.config.set(key2, value);
  }
  clearEnvConfig() {
    this.config.clear();
  }
  async tryRevParse(rev) {
    const result = await this.exec(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
    return result.code === 0 ? result.stdout.trim() : void 0;
  }
  /** A name git accepts for a branch; never one that reads as an option (`--upload-pack=…`). */
  async isValidBranchName(name) {
    if (name.startsWith("-") || /[\s\x00-\x1f\x7f]/.test(name)) return false;
    return (await this.exec(["check-ref-format", `refs/heads/${name}`])).code === 0;
  }
  /** git's error when no committer identity can be formed (none: undefined). */
  async identityProblem() {
    const result = await this.exec(["var", "GIT_COMMITTER_IDENT"]);
    return result.code === 0 ? void 0 : firstLines(result.stderr) || `git var exited ${result.code}`;
  }
  async currentBranch() {
    const result = await this.exec(["symbolic-ref", "--quiet", "--short", "HEAD"]);
    return result.code === 0 ? result.stdout.trim() : void 0;
  }
  async isShallow() {
    return (await this.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  }
  async remotes() {
    return (await this.run(["remote"])).split("\n").map((r) => r.trim()).filter(Boolean);
  }
  async remoteUrl(remote2) {
    return (await this.run(["remote", "get-url", "--push", remote2])).trim();
  }
  /** `[key, value]` pairs of every config entry whose key matches `pattern` (none: empty). */
  async tryConfigGetRegexp(pattern2) {
    const result = await this.exec(["config", "--null", "--get-regexp", pattern2]);
    if (result.code !== 0) return [];
    return result.stdout.split("\0").filter(Boolean).map((entry) => {
      const newline = entry.indexOf("\n");
      return newline < 0 ? [entry, ""] : [entry.slice(0, newline), entry.slice(newline + 1)];
    });
  }
  /** Fetch one branch into `ref`; throws a GitError (the caller classifies it). */
  async fetch(remote2, branch, ref, depth = {}) {
    const args = ["fetch", "--no-tags", "--no-recurse-submodules", "--quiet"];
    if (depth.depth) args.push(`--depth=${depth.depth}`);
    if (depth.deepen) args.push(`--deepen=${depth.deepen}`);
    await this.run([...args, remote2, `+refs/heads/${branch}:${ref}`], { network: true });
  }
  /** `true`/`false` when git can tell whether `ancestor` is an ancestor of `descendant`. */
  async tryIsAncestor(ancestor, descendant) {
    const result = await this.exec(["merge-base", "--is-ancestor", ancestor, descendant]);
    return result.code === 0 ? true : result.code === 1 ? false : void 0;
  }
  async hasCommit(sha) {
    return (await this.exec(["cat-file", "-e", `${sha}^{commit}`])).code === 0;
  }
  /** Fetch one commit by id (only that commit when the clone is shallow). */
  async fetchCommit(remote2, sha, shallow) {
    await this.run(["fetch", "--no-tags", "--no-recurse-submodules", "--quiet", ...shallow ? ["--depth=1"] : [], remote2, sha], { network: true });
  }
  /** Check `rev` out, detached, into a new work tree at `dir`; the main work tree is not touched. */
  async addWorktree(dir, rev) {
    await this.run(["worktree", "add", "--quiet", "--detach", dir, rev]);
  }
  /** Remove a work tree made by addWorktree (never throws). */
  async tryRemoveWorktree(dir) {
    const result = await this.exec(["worktree", "remove", "--force", dir]);
    if (result.code !== 0) debug(`git worktree remove: ${firstLines(result.stderr)}`);
    await this.exec(["worktree", "prune"]);
  }
  /** Commits reachable from `rev` that touch `paths`, newest first, with full messages. */
  async log(rev, paths, maxCount) {
    const out = await this.run(["log", `--max-count=${maxCount}`, "--format=%H%x1f%B%x1e", rev, "--", ...paths]);
    return out.split("").map((record) => record.replace(/^\s+/, "")).filter(Boolean).map((record) => {
      const [sha, message] = record.split("");
      return { sha, message: message ?? "" };
    });
  }
  /** A file's content at `rev` as stored; undefined when `rev` has no such file. */
  async tryReadFile(rev, file) {
    const result = await this.exec(["cat-file", "blob", `${rev}:${file}`]);
    return result.code === 0 ? result.stdout : void 0;
  }
  /**
   * A commit on `parent` whose tree is the parent's with `files` replaced, built in a temporary
   * index: neither the work tree, nor the index, nor any branch is touched. Returns its id.
   */
  async writeCommit(parent, files2, message) {
    const dir = await mkdtemp3(path5.join(tmpdir3(), "kid-index-"));
    const env = { GIT_INDEX_FILE: path5.join(dir, "index") };
    const removed = removeOnCancel(dir);
    try {
      await this.run(["read-tree", parent], { env });
      for (const file of files2) {
        const filters = file.worktreeForm ? [`--path=${file.path}`] : ["--no-filters"];
        const blob = (await this.run(["hash-object", "-w", "--stdin", ...filters], { input: file.content })).trim();
        const staged = await this.run(["ls-files", "--stage", "-z", "--", file.path], { env });
        const mode = /^(\d{6}) /.exec(staged)?.[1] ?? "100644";
        await this.run(["update-index", "--add", "--cacheinfo", `${mode},${blob},${file.path}`], { env });
      }
      const tree = (await this.run(["write-tree"], { env })).trim();
      return (await this.run(["commit-tree", tree, "-p", parent, "-F", "-"], { input: message })).trim();
    } finally {
      await rm4(dir, { recursive: true, force: true });
      removed();
    }
  }
  /** The blob id of `rev:file`; undefined when `rev` has no such file. */
  async tryBlobId(rev, file) {
    const result = await this.exec(["rev-parse", "--verify", "--quiet", `${rev}:${file}`]);
    return result.code === 0 ? result.stdout.trim() : void 0;
  }
  /** The blob id `content` gets when committed as the work-tree file `file` (clean filters apply). */
  async blobId(content, file) {
    return (await this.run(["hash-object", "--stdin", `--path=${file}`], { input: content })).trim();
  }
  /** Paths with uncommitted changes (staged, unstaged, untracked), repository-relative. */
  async dirtyPaths() {
    const out = await this.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"]);
    return out.split("\0").filter(Boolean).map((entry) => entry.slice(3));
  }
  /** Uncommitted changes (staged, unstaged) and untracked files, repository-relative. */
  async uncommitted() {
    const out = await this.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"]);
    return out.split("\0").filter(Boolean).map((entry) => ({ path: entry.slice(3), tracked: !entry.startsWith("??") }));
  }
  /** Files git ignores (a directory it ignores whole is left out), repository-relative. */
  async ignoredFiles() {
    const out = await this.run(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory", "--no-empty-directory"]);
    return out.split("\0").filter((entry) => entry && !entry.endsWith("/"));
  }
  /** The submodules the index holds (gitlinks), repository-relative. */
  async submodules() {
    const out = await this.run(["ls-files", "-z", "--stage"]);
    return out.split("\0").filter((entry) => entry.startsWith("160000 ")).map((entry) => entry.slice(entry.indexOf("	") + 1));
  }
  /** Paths that differ between two commits. */
  async changedPaths(from, to) {
    return (await this.run(["diff", "--name-only", "-z", "--no-renames", from, to, "--"])).split("\0").filter(Boolean);
  }
  /** Put `paths` back as HEAD has them (index and work tree); a path HEAD lacks is removed. */
  async restoreOrRemove(paths) {
    for (const file of paths) {
      if (await this.tryBlobId("HEAD", file)) await this.run(["checkout", "--quiet", "HEAD", "--", file]);
      else await rm4(path5.join(this.root, file), { force: true });
    }
  }
  /** Move HEAD (and the checked-out branch) to `rev`, updating the files that differ. */
  async resetKeep(rev) {
    await this.run(["reset", "--quiet", "--keep", rev]);
  }
  async detach() {
    await this.run(["checkout", "--quiet", "--detach"]);
  }
  /**
   * Push `sha` to `refs/heads/<branch>` only if the branch is still at `expected` (the tip just
   * fetched; '' = the branch must not exist yet). `sha` descends from `expected`, so this never
   * drops a commit; a branch that moved meanwhile, or was rewound, refuses it. The raw result,
   * for classification.
   */
  async tryPush(remote2, sha, branch, expected) {
    const lease = `--force-with-lease=refs/heads/${branch}:${expected}`;
    return this.exec(["push", "--porcelain", "--no-verify", lease, remote2, `${sha}:refs/heads/${branch}`], { network: true });
  }
  /** The tree of a commit, or undefined. */
  async tryTree(rev) {
    const result = await this.exec(["rev-parse", "--verify", "--quiet", `${rev}^{tree}`]);
    return result.code === 0 ? result.stdout.trim() : void 0;
  }
  async run(args, options = {}) {
    const result = await this.exec(args, options);
    if (result.code !== 0) {
      throw new GitError(`git ${args[0]} failed: ${firstLines(result.stderr) || `exit code ${result.code}`}`, result);
    }
    return result.stdout;
  }
  async exec(args, options = {}) {
    const identity = this.identity ? ["-c", `user.name=${this.identity.name}`, "-c", `user.email=${this.identity.email}`] : [];
    debug(`git ${args.join(" ")}`);
    const env = childEnv(this.config, options.env);
    const timeoutMs = options.network ? timeouts(process.env).gitNetworkMs : void 0;
    return execGit([...identity, ...args], { cwd: this.root, env, input: options.input, timeoutMs, label: args[0] });
  }
};

// src/commit/trailers.ts
var KEYS = {
  source: "Deploy-Source",
  sourceRepository: "Deploy-Source-Repository",
  run: "Deploy-Run",
  environment: "Deploy-Environment",
  paths: "Deploy-Path",
  images: "Deploy-Image",
  rollbackOf: "Deploy-Rollback-Of",
  restoredSources: "Deploy-Restored-Source"
};
function formatTrailers(record) {
  const clean = (value) => value.replace(/[\r\n]+/g, " ").trim();
  const lines2 = [];
  for (const key2 of ["source", "sourceRepository", "run", "environment"]) {
    if (clean(record[key2])) lines2.push(`${KEYS[key2]}: ${clean(record[key2])}`);
  }
  for (const path10 of record.paths) lines2.push(`${KEYS.paths}: ${clean(path10)}`);
  for (const image of record.images) lines2.push(`${KEYS.images}: ${clean(image)}`);
  if (record.rollbackOf) lines2.push(`${KEYS.rollbackOf}: ${clean(record.rollbackOf)}`);
  for (const source of record.restoredSources ?? []) lines2.push(`${KEYS.restoredSources}: ${clean(source)}`);
  return lines2;
}
function parseTrailers(message) {
  const paragraphs = message.replace(/\r\n/g, "\n").trim().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? "";
  const record = { source: "", sourceRepository: "", run: "", environment: "", paths: [], images: [] };
  let found = false;
  for (const line of last.split("\n")) {
    const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line.trim());
    if (!match) continue;
    const key2 = match[1].toLowerCase();
    const value = match[2].trim();
    if (key2 === KEYS.source.toLowerCase()) record.source = value;
    else if (key2 === KEYS.sourceRepository.toLowerCase()) record.sourceRepository = value;
    else if (key2 === KEYS.run.toLowerCase()) record.run = value;
    else if (key2 === KEYS.environment.toLowerCase()) record.environment = value;
    else if (key2 === KEYS.paths.toLowerCase()) record.paths.push(value);
    else if (key2 === KEYS.images.toLowerCase()) record.images.push(value);
    else if (key2 === KEYS.rollbackOf.toLowerCase()) record.rollbackOf = value;
    else if (key2 === KEYS.restoredSources.toLowerCase()) record.restoredSources = [...record.restoredSources ?? [], value];
    else continue;
    found = true;
  }
  return found && record.source ? record : void 0;
}
function imageName(image) {
  const eq = image.indexOf("=");
  return eq >= 0 ? image.slice(0, eq) : splitImage(image).name;
}
function sameTarget(record, path10, imageNames) {
  if (!record.paths.includes(path10)) return false;
  if (record.images.length === 0 || imageNames.length === 0) return true;
  return record.images.some((image) => imageNames.includes(imageName(image)));
}

// src/commit/commit-message.ts
function entryValue(entry) {
  if (!entry) return "(none)";
  const digest2 = entry.digest ? entry.newTag ? ` (${shortDigest(entry.digest)})` : `@${shortDigest(entry.digest)}` : "";
  if (entry.newName) return `${entry.newName}${entry.newTag ? `:${entry.newTag}` : ""}${digest2}`;
  if (!entry.newTag) return entry.digest ? shortDigest(entry.digest) : "(none)";
  return `${entry.newTag}${digest2}`;
}
function describeImages(edits) {
  const changes = /* @__PURE__ */ new Set();
  for (const edit of edits.filter((e) => e.changed)) {
    for (const after of edit.after) {
      const before = edit.before.find((b) => b.name === after.name);
      const from = entryValue(before);
      const to = entryValue(after);
      if (from === to) continue;
      changes.add(before ? `${after.name} ${from} \u2192 ${to}` : `${after.name} \u2192 ${to}`);
    }
  }
  return [...changes].join(", ");
}
function runId(env) {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT || "1"}` : "local";
}
function deployMessage(settings, env, edits, paths) {
  const changed = edits.filter((e) => e.changed);
  const environment = settings.environment || [...new Set(changed.map((e) => e.environment))].join(", ");
  const source = settings.commit.sourceCommit;
  const trailers = formatTrailers({ source, sourceRepository: settings.commit.sourceRepository, run: runId(env), environment, paths, images: settings.images.map((s) => s.arg) });
  const values = { environment, images: describeImages(edits), paths: changed.map((e) => e.target.rel).join(", "), source, "source-short": source.slice(0, 7) };
  return renderMessage(settings.commit.message, values, settings.commit.skipCi, trailers);
}

// src/commit/deploy-branch.ts
function deployBranchName(template, environment, edits, source) {
  const changed = edits.filter((e) => e.changed);
  const values = { environment, images: describeImages(edits), paths: changed.map((e) => e.target.rel).join("-"), source, "source-short": source.slice(0, 7) };
  const filled = renderMessage(template, values, false, []).trim();
  return filled.replace(/[\s~^:?*[\\]+/g, "-").replace(/\.\.+/g, ".").replace(/\/{2,}/g, "/");
}
async function deployBranch(git, settings, edits, base) {
  const environment = settings.environment || [...new Set(edits.filter((e) => e.changed).map((e) => e.environment))].join("-");
  const name = deployBranchName(settings.commit.pullRequest.branch, environment, edits, settings.commit.sourceCommit);
  if (!await git.isValidBranchName(name)) {
    throw new InputError("pull-request-branch", settings.commit.pullRequest.branch, "a branch name template such as deploy/{environment}", `it gives '${name}', which is not a valid branch name`);
  }
  if (name === base) throw new InputError("pull-request-branch", name, `a branch other than the base branch '${base}'`);
  return name;
}

// src/commit/preconditions.ts
var checked = /* @__PURE__ */ new WeakMap();
function checkCommit(settings, edits, env = process.env) {
  let result = checked.get(settings);
  if (!result) {
    result = settings.commit.enabled ? resolve2(settings, edits, env) : Promise.resolve(void 0);
    checked.set(settings, result);
  }
  return result;
}
async function resolve2(settings, edits, env) {
  const git = await openRepository(edits, settings.commit.author);
  const remote2 = await pickRemote(git);
  const url = await git.remoteUrl(remote2);
  const { branch, detach } = await resolveBranch(git, settings.commit.branch, settings.workspace, env);
  const identity = await git.identityProblem();
  if (identity) throw new InputError("commit-author", `${settings.commit.author.name} <${settings.commit.author.email}>`, "'Display Name <email@example.com>'", `git cannot commit as it (${identity})`);
  await checkGitHubSide(settings, edits, git, url, branch, env);
  return { git, remote: remote2, url, branch, detach };
}
async function checkGitHubSide(settings, edits, git, url, branch, env) {
  const { sign, mode } = settings.commit;
  if (!sign && mode !== "pull-request") return;
  if (!settings.token) {
    const [needs, why] = sign ? ["'sign-commits' is true", "GitHub creates the commit through its API"] : ["'commit' is pull-request", "the pull request is opened through GitHub's API"];
    throw new InputError("token", "", `a token when ${needs}`, why);
  }
  resolveRepository(url, git.root === await realpath2(settings.workspace).catch(() => settings.workspace), env);
  if (mode === "pull-request") await deployBranch(git, settings, edits, branch);
}
async function openRepository(edits, author) {
  const changed = edits.some((e) => e.changed) ? edits.filter((e) => e.changed) : edits;
  const repos = await mapLimit(
    changed,
    (e) => Git.open(e.target.dir, author).catch((error2) => {
      if (!(error2 instanceof GitError)) throw error2;
      throw new Error(`commit: ${error2.message}; check the repository out first (actions/checkout) or set commit: false`);
    })
  );
  const roots = [...new Set(repos.map((r) => r.root))];
  if (roots.length > 1) {
    throw new InputError("path", changed.map((e) => e.target.rel).join(", "), "targets in one git repository", `they lie in ${roots.join(" and ")}`);
  }
  return repos[0];
}
async function pickRemote(git) {
  const remotes = await git.remotes();
  if (remotes.includes("origin")) return "origin";
  if (remotes.length === 1) return remotes[0];
  throw new Error(`commit: the repository at ${git.root} has ${remotes.length === 0 ? "no remote" : `several remotes and none named origin (${remotes.join(", ")})`} to push to`);
}
async function resolveBranch(git, input, workspace, env) {
  const explicit = input.replace(/^refs\/heads\//, "");
  const current = await git.currentBranch();
  if (explicit) {
    if (!await git.isValidBranchName(explicit)) throw new InputError("branch", input, "a branch name such as main or deploy/prod");
    return { branch: explicit, detach: current !== void 0 && current !== explicit };
  }
  if (current) return { branch: current, detach: false };
  const ref = env.GITHUB_REF ?? "";
  if (git.root === await realpath2(workspace).catch(() => workspace) && ref.startsWith("refs/heads/")) {
    const branch = ref.slice("refs/heads/".length);
    if (await git.isValidBranchName(branch)) return { branch, detach: false };
  }
  throw new InputError("branch", input, "the branch to push to", `${git.root} is checked out at a detached HEAD (a tag or a pull-request merge)`);
}

// src/commit/pull-request-mode.ts
import { realpath as realpath4 } from "node:fs/promises";

// src/github/pull-requests.ts
var toPull = (raw) => ({ number: raw.number, url: raw.html_url, nodeId: raw.node_id, title: raw.title, body: raw.body ?? "" });
async function findOpenPullRequest(api, repo, head, base) {
  const { data } = await api.rest.pulls.list({ ...repo, state: "open", head: `${repo.owner}:${head}`, base, per_page: 100 });
  const sorted = [...data].sort((a, b) => a.number - b.number);
  return sorted[0] ? toPull(sorted[0]) : void 0;
}
async function createPullRequest(api, repo, fields) {
  return toPull((await api.rest.pulls.create({ ...repo, ...fields })).data);
}
async function updatePullRequest(api, repo, number, fields) {
  return toPull((await api.rest.pulls.update({ ...repo, pull_number: number, ...fields })).data);
}
async function addLabels(api, repo, number, labels) {
  if (labels.length > 0) await api.rest.issues.addLabels({ ...repo, issue_number: number, labels });
}
async function setBranch(api, repo, branch, sha, exists2) {
  if (exists2) await api.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force: true });
  else await api.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha });
}

// src/github/graphql.ts
var CREATE_COMMIT = `mutation CreateCommit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit { oid url }
  }
}`;
var ENABLE_AUTO_MERGE = `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!, $commitHeadline: String, $commitBody: String) {
  enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod, commitHeadline: $commitHeadline, commitBody: $commitBody }) {
    pullRequest { number autoMergeRequest { mergeMethod } }
  }
}`;
function graphqlErrors(error2) {
  const errors = error2?.errors;
  return Array.isArray(errors) ? errors : [];
}
function isMovedHead(error2) {
  return graphqlErrors(error2).some((e) => e.type === "STALE_DATA" || /expected branch to point to/i.test(e.message));
}
function splitMessage(message) {
  const [headline, ...rest] = message.replace(/\r\n/g, "\n").split("\n");
  return { headline: headline.trim(), body: rest.join("\n").replace(/^\n+/, "").replace(/\s+$/, "") };
}
function commitInput(request2) {
  const fileChanges = {
    additions: request2.additions.map((a) => ({ path: a.path, contents: Buffer.from(a.contents, "utf8").toString("base64") }))
  };
  if (request2.deletions?.length) fileChanges.deletions = request2.deletions.map((path10) => ({ path: path10 }));
  const { headline, body: body2 } = splitMessage(request2.message);
  return {
    branch: { repositoryNameWithOwner: `${request2.repo.owner}/${request2.repo.repo}`, branchName: request2.branch },
    expectedHeadOid: request2.expectedHeadOid,
    fileChanges,
    message: body2 ? { headline, body: body2 } : { headline }
  };
}
async function createCommitOnBranch(api, request2) {
  const result = await api.graphql(CREATE_COMMIT, {
    input: commitInput(request2)
  });
  const commit = result.createCommitOnBranch?.commit;
  if (!commit) throw new Error(`createCommitOnBranch on '${request2.branch}' returned no commit`);
  return commit;
}
async function enableAutoMerge(api, pullRequestId, method, commit) {
  const text3 = commit ? { commitHeadline: commit.headline, commitBody: commit.body } : {};
  await api.graphql(ENABLE_AUTO_MERGE, { pullRequestId, mergeMethod: method.toUpperCase(), ...text3 });
}

// src/github/permission-error.ts
import { existsSync as existsSync4, readFileSync } from "node:fs";
function describeToken(token, source = "the 'token' input") {
  if (!token) return `${source} (empty)`;
  const kind = token.startsWith("ghs_") ? "an installation token: the workflow GITHUB_TOKEN or a GitHub App token" : token.startsWith("github_pat_") ? "a fine-grained personal access token" : token.startsWith("ghp_") ? "a classic personal access token" : token.startsWith("ghu_") || token.startsWith("gho_") ? "a user token" : void 0;
  return kind ? `${source} (${kind})` : source;
}
function isForkPullRequest(env) {
  if (env.GITHUB_EVENT_NAME !== "pull_request" || !env.GITHUB_EVENT_PATH || !existsSync4(env.GITHUB_EVENT_PATH)) return false;
  try {
    const pr = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")).pull_request;
    const head = pr?.head?.repo?.full_name;
    const base = pr?.base?.repo?.full_name;
    return Boolean(base) && head !== base;
  } catch {
    return false;
  }
}
function deniedMessage(d) {
  const head = `${d.operation} was denied (HTTP ${d.status}: ${d.detail}) using ${d.token}`;
  if (d.fork) {
    return `${head}; this run is a pull request from a fork, whose token is read-only: no permission can be granted to it. Deploy from a workflow triggered by workflow_run (after this one completes), which runs with the base repository's token`;
  }
  if (d.status === 401) return `${head}; the token is invalid or expired: pass a valid one in 'token'`;
  return `${head}; the token needs '${d.permission}' on that repository (for the workflow token: permissions: ${d.permission}; for a GitHub App: that repository permission and an installation on the repository)`;
}

// src/commit/pull-request-open.ts
function apiError(ctx, what, error2, permission) {
  const status = apiStatus(error2);
  if (status === 401 || status === 403) {
    return new Error(deniedMessage({ operation: what, status, detail: errorMessage(error2), token: describeToken(ctx.settings.token), permission, fork: isForkPullRequest(ctx.env) }));
  }
  return new Error(`${what} failed: ${status ? `HTTP ${status}: ` : ""}${errorMessage(error2)}`);
}
async function call(ctx, what, permission, fn) {
  try {
    return await fn();
  } catch (error2) {
    throw apiError(ctx, what, error2, permission);
  }
}
function pullRequestTitle(message) {
  return message.split("\n")[0].trim();
}
async function openOrUpdate(ctx, api, repo, request2, describe2) {
  const { settings, env } = ctx;
  const base = ctx.branch.name;
  const existing = await call(ctx, `listing the pull requests of ${repo.owner}/${repo.repo}`, "pull-requests: write", () => findOpenPullRequest(api, repo, request2.deploy, base));
  if (request2.unchanged) {
    if (existing) info2(`'${base}' already holds this edit; the open pull request #${existing.number} is left as it is`);
    return { number: existing?.number ?? 0, url: existing?.url ?? "", operation: "unchanged" };
  }
  const title = pullRequestTitle(request2.message);
  const body2 = await describe2({ git: ctx.git, base, baseTip: request2.baseTip, deployBranch: request2.deploy, edits: request2.edits });
  let pr;
  if (existing) {
    pr = await call(ctx, `updating pull request #${existing.number}`, "pull-requests: write", () => updatePullRequest(api, repo, existing.number, { title, body: body2 }));
    info2(`updated pull request #${pr.number}: ${pr.url}`);
  } else {
    const fields = { head: request2.deploy, base, title, body: body2, draft: settings.commit.pullRequest.draft };
    pr = await call(ctx, `opening a pull request from '${request2.deploy}' into '${base}'`, "pull-requests: write", () => createPullRequest(api, repo, fields));
    info2(`opened pull request #${pr.number}: ${pr.url}`);
  }
  const labels = settings.commit.pullRequest.labels;
  await call(ctx, `labelling pull request #${pr.number}`, "pull-requests: write", () => addLabels(api, repo, pr.number, labels));
  await autoMerge(ctx, api, pr, request2.message);
  return { number: pr.number, url: pr.url, operation: existing ? "updated" : "created" };
}
async function autoMerge(ctx, api, pr, message) {
  const method = ctx.settings.commit.pullRequest.autoMerge;
  if (method === "false") return;
  const { headline, body: body2 } = splitMessage(message);
  try {
    await enableAutoMerge(api, pr.nodeId, method, method === "rebase" ? void 0 : { headline, body: body2 });
    info2(`auto-merge (${method}) enabled on pull request #${pr.number}`);
  } catch (error2) {
    const why = graphqlErrors(error2)[0]?.message ?? apiError(ctx, "enablePullRequestAutoMerge", error2, "pull-requests: write").message;
    warning(`auto-merge (${method}) could not be enabled on pull request #${pr.number}: ${why}. Merge it by hand, or allow auto-merge in the repository settings`);
  }
}

// src/retry.ts
var DEFAULT_BACKOFF = { baseMs: 500, maxMs: 8e3 };
function backoffDelay(retry2, backoff, random) {
  const window = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, retry2 - 1));
  return Math.round(window / 2 + window / 2 * Math.min(Math.max(random, 0), 1));
}
var defaultSleep = (ms) => new Promise((resolve4) => setTimeout(resolve4, ms));
async function retry(fn, options) {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error2) {
      if (attempt >= options.retries || !options.retryable(error2)) throw error2;
      const delay = backoffDelay(attempt + 1, options, random());
      options.onRetry?.(attempt + 1, delay, error2);
      await sleep(delay);
    }
  }
}

// src/commit/change.ts
function deployChange(settings, env) {
  return {
    remake: (atBase, edit) => editImages(atBase, edit.specs ?? settings.images, edit.target.fileRel),
    message: (edits, paths) => deployMessage(settings, env, edits, paths),
    guarded: true
  };
}

// src/commit/record-trust.ts
function distrust(record, file, before, after) {
  const missing2 = Object.keys(TRAILER).filter((k) => k === "images" ? record.images.length === 0 : !record[k]);
  if (missing2.length > 0) return `its trailers are not the action's whole block (no ${missing2.map((k) => TRAILER[k]).join(", ")})`;
  if (before === void 0 || after === void 0) return `it ${after === void 0 ? "removes" : "creates"} the file, or its parent is not in the history`;
  try {
    const expected = editImages(before, record.images.map((image) => recordedSpec(record, image)), file);
    if (!expected.changed) return "its change to the file is not the images edit it names";
    return sameEntries(readImages(expected.content, file), readImages(after, file)) ? void 0 : "its change to the file is not the images edit it names";
  } catch {
    return "its Deploy-Image lines or the file cannot be read as an images edit";
  }
}
function recordedSpec(record, image) {
  const bare = !image.includes("=") && splitImage(image).name === image;
  return record.rollbackOf && bare ? { arg: image, name: image, remove: true } : parseImageArg(image);
}
var TRAILER = { source: "Deploy-Source", run: "Deploy-Run", environment: "Deploy-Environment", images: "Deploy-Image" };
function sameEntries(expected, actual) {
  if (expected.length !== actual.length) return false;
  return expected.every((e, i) => {
    const a = actual[i];
    const fields = ["name", "newName", "newTag", "tagSuffix"];
    return fields.every((f) => e[f] === a[f]) && (e.digest === a.digest || e.digest === void 0 && a.digest !== void 0);
  });
}

// src/commit/stale-guard.ts
var short2 = (sha) => sha.slice(0, 7);
var MAX_LOG = 1e3;
function sameCommit(a, b) {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x.length >= 7 && y.length >= 7 && (x.startsWith(y) || y.startsWith(x));
}
async function findLastDeploy(commits, path10, imageNames, read) {
  const skipped = [];
  for (const commit of commits) {
    const record = parseTrailers(commit.message);
    if (!record || !sameTarget(record, path10, imageNames)) continue;
    const why = distrust(record, path10, await read(`${commit.sha}^`, path10), await read(commit.sha, path10));
    if (!why) return { last: { commit: commit.sha, record }, skipped };
    skipped.push(`${path10}: ${short2(commit.sha)} carries deploy trailers but is not trusted as a deploy record: ${why}`);
  }
  return { skipped };
}
function judge(path10, ours2, last, { relation, note }, allowDowngrade) {
  if (!last) return { path: path10, relation, refuse: false, info: `${path10}: no earlier deploy recorded` };
  const theirs = `${short2(last.record.source)} (recorded by ${short2(last.commit)})`;
  const base = { path: path10, relation, last };
  if (last.record.rollbackOf && relation === "same") return rolledBack(base, ours2, last, allowDowngrade);
  switch (relation) {
    case "same":
      return { ...base, refuse: false, info: `${path10}: last deployed from the same source ${short2(ours2.sha)}` };
    case "older":
      return { ...base, refuse: false, info: `${path10}: last deployed from ${theirs}, an ancestor of this run's source ${short2(ours2.sha)}` };
    case "diverged":
      return { ...base, refuse: false, info: `${path10}: last deployed from ${theirs}, which has diverged from this run's source ${short2(ours2.sha)}` };
    case "unknown":
      return {
        ...base,
        refuse: false,
        warning: `${path10}: cannot tell whether the last deployed source ${theirs} is newer than this run's source ${short2(ours2.sha)}${note ? ` (${note})` : ""}; proceeding`
      };
    case "newer":
      if (allowDowngrade) {
        return { ...base, refuse: false, warning: `${path10}: rolling back from ${theirs} to the older source ${short2(ours2.sha)} (allow-downgrade: true)` };
      }
      return {
        ...base,
        refuse: true,
        warning: `${path10}: stale run: the last deploy came from ${theirs}, which is newer than this run's source ${short2(ours2.sha)}; not pushing and not applying (set allow-downgrade: true for a deliberate rollback)`
      };
  }
}
function rolledBack(base, ours2, last, allowDowngrade) {
  const what = `${base.path}: this run's source ${short2(ours2.sha)} was rolled back by ${short2(last.commit)} (its deploy ${short2(last.record.rollbackOf ?? "")} failed)`;
  if (allowDowngrade) return { ...base, refuse: false, warning: `${what}; deploying it again (allow-downgrade: true)` };
  return { ...base, refuse: true, warning: `${what}; not pushing and not applying it again (set allow-downgrade: true to deploy it deliberately)` };
}
async function relate(oracle, ours2, theirs) {
  if (sameCommit(ours2.sha, theirs.sha)) return { relation: "same" };
  if (ours2.repository && theirs.repository && ours2.repository.toLowerCase() !== theirs.repository.toLowerCase()) {
    return { relation: "unknown", note: `the recorded source is in ${theirs.repository}, this run's in ${ours2.repository}` };
  }
  const forward = await oracle.isAncestor(ours2.sha, theirs.sha);
  if (forward) return { relation: "newer" };
  const backward = await oracle.isAncestor(theirs.sha, ours2.sha);
  if (backward) return { relation: "older" };
  if (forward === false && backward === false && await oracle.complete()) return { relation: "diverged" };
  const repository = ours2.repository || theirs.repository;
  if (oracle.compare && repository) {
    try {
      const status = await oracle.compare(repository, ours2.sha, theirs.sha);
      const map = { ahead: "newer", behind: "older", identical: "same", diverged: "diverged" };
      return { relation: map[status] };
    } catch (error2) {
      if (error2 instanceof RateLimitError) throw new Error(`commit: the out-of-order guard needs GitHub's compare API for ${repository}: ${error2.message}; nothing was pushed`);
      return { relation: "unknown", note: `the compare API failed for ${repository}: ${error2 instanceof Error ? error2.message : String(error2)}` };
    }
  }
  return { relation: "unknown", note: "the commits are not both in the local history and no compare API is available" };
}
async function lastDeployOf(git, branch, path10, imageNames) {
  for (; ; ) {
    const found = await findLastDeploy(await git.log(branch.ref, [path10], MAX_LOG), path10, imageNames, (rev, file) => git.tryReadFile(rev, file));
    if (found.last || !await branch.deepen()) return found;
  }
}
async function guardTargets(ctx, branch, paths) {
  const { git, settings, said } = ctx;
  const say = (text3, show) => {
    if (text3 && !said.has(text3)) show(oneLine(text3));
    if (text3) said.add(text3);
  };
  const ours2 = { sha: settings.commit.sourceCommit, repository: settings.commit.sourceRepository };
  if (!ours2.sha) {
    say("no source commit (GITHUB_SHA unset and no source-commit input): the out-of-order guard is off", warning);
    return [];
  }
  const oracle = {
    isAncestor: (a, d) => git.tryIsAncestor(a, d),
    complete: async () => !await git.isShallow(),
    compare: ctx.compare
  };
  const imageNames = settings.images.map((s) => s.name);
  const verdicts = [];
  for (const path10 of paths) {
    const { last, skipped } = await lastDeployOf(git, branch, path10, imageNames);
    for (const note of skipped) say(note, info2);
    const relation = last ? await relate(oracle, ours2, { sha: last.record.source, repository: last.record.sourceRepository }) : { relation: "unknown" };
    const verdict = judge(path10, ours2, last, relation, settings.commit.allowDowngrade);
    say(verdict.warning, warning);
    say(verdict.info, info2);
    verdicts.push(verdict);
  }
  return verdicts;
}

// src/commit/push-loop.ts
var NETWORK_RETRIES = 3;
var short3 = (sha) => sha.slice(0, 7);
async function pushLoop(ctx, initial) {
  const { git } = ctx;
  const paths = await Promise.all(initial.map((e) => git.repoPath(e.target.file)));
  const state = { initial, paths, head: await git.tryRevParse("HEAD"), built: /* @__PURE__ */ new Map(), retries: 0, networkFailures: 0 };
  return retry((attempt) => pushAttempt(ctx, state, attempt), {
    ...DEFAULT_BACKOFF,
    retries: ctx.settings.commit.retries,
    retryable: (error2) => retryable(state, error2),
    onRetry: (n, delay, error2) => {
      state.retries = n;
      info2(`retry ${n}/${ctx.settings.commit.retries} in ${delay} ms: ${error2 instanceof Error ? error2.message : String(error2)}`);
    }
  });
}
function retryable(state, error2) {
  if (!(error2 instanceof PushError)) return false;
  if (error2.kind === "rejected") return true;
  return error2.kind === "transient" && state.networkFailures++ < NETWORK_RETRIES;
}
async function pushAttempt(ctx, state, attempt) {
  const { git, branch } = ctx;
  info2(`attempt ${attempt + 1}: fetching '${branch.name}'`);
  const tip = await branch.fetchTip();
  const change2 = ctx.change ?? deployChange(ctx.settings, ctx.env);
  if (tip) {
    const landed = await landedEarlier(ctx, state, tip);
    if (landed) return landed;
    const refused2 = change2.guarded ? (await guardTargets(ctx, branch, guarded(state))).find((v) => v.refuse) : void 0;
    if (refused2) {
      await discard(state);
      return { pushed: false, commitSha: "", stale: true, refused: refused2.warning, retries: state.retries };
    }
  }
  const base = tip ?? state.head;
  if (!base) throw new Error(`commit: the repository at ${git.root} has no commit yet and branch '${branch.name}' does not exist on the remote`);
  const moved = base !== state.head;
  if (moved) info2(`'${branch.name}' is at ${short3(base)}, not at this checkout's ${state.head ? short3(state.head) : "(no commit)"}: applying the edit to its files`);
  const edits = await editsAt(ctx, state, base, change2);
  if (!edits.some((e) => e.changed)) return alreadyThere(ctx, state, tip, edits);
  if (moved) await checkMovable(ctx, state, base);
  const built = { tip, files: files(state, edits, base), message: change2.message(edits, changedPaths(state, edits)) };
  const sha = await git.writeCommit(base, built.files, built.message);
  if (moved && ctx.verify) await ctx.verify(git, { sha, tip: base, branch: branch.name });
  state.built.set(sha, edits);
  const published = await (ctx.publish ?? ((commit) => pushToBranch(ctx, commit)))({ sha, ...built });
  await moveTo(ctx, state, published.sha);
  info2(`${published.pushed ? ctx.publish ? "published" : "pushed" : "found"} ${published.sha}${ctx.publish ? "" : ` to '${branch.name}'`} after ${state.retries} retries`);
  return { pushed: published.pushed, commitSha: published.sha, stale: false, retries: state.retries, ...moved ? { edits } : {} };
}
async function pushToBranch(ctx, built) {
  const { git, branch } = ctx;
  const result = await git.tryPush(branch.remote, built.sha, branch.name, built.tip ?? "");
  if (result.code !== 0) throw pushError("push", branch.url, branch.name, `${result.stderr}
${result.stdout}`);
  return { sha: built.sha, pushed: true };
}
async function landedEarlier(ctx, state, tip) {
  for (const [sha, edits] of state.built) {
    if (sha !== tip && !await ctx.git.tryIsAncestor(sha, tip)) continue;
    info2(`'${ctx.branch.name}' holds ${short3(sha)}, the commit this run pushed: the push landed although its answer was lost`);
    await moveTo(ctx, state, sha);
    return { pushed: true, commitSha: sha, stale: false, retries: state.retries, ...state.head !== await parentOf(ctx.git, sha) ? { edits } : {} };
  }
  return void 0;
}
async function parentOf(git, sha) {
  return git.tryRevParse(`${sha}^`);
}
async function alreadyThere(ctx, state, tip, edits) {
  const wrote = state.initial.some((e) => e.changed);
  if (!tip) {
    info2(`branch '${ctx.branch.name}' does not exist on the remote and nothing changed: nothing to push`);
    return { pushed: false, commitSha: "", stale: false, retries: state.retries };
  }
  info2(`${short3(tip)} on '${ctx.branch.name}' already holds this edit: nothing to push`);
  if (!wrote) return { pushed: false, commitSha: tip, stale: false, retries: state.retries };
  if (tip !== state.head) await checkMovable(ctx, state, tip);
  await moveTo(ctx, state, tip);
  return { pushed: false, commitSha: tip, stale: false, retries: state.retries, edits };
}
async function editsAt(ctx, state, base, change2) {
  const { git } = ctx;
  if (base === state.head) return state.initial;
  return Promise.all(
    state.initial.map(async (edit, i) => {
      const file = state.paths[i];
      const baseId = await git.tryBlobId(base, file);
      const headId = state.head ? await git.tryBlobId(state.head, file) : void 0;
      if (baseId === void 0) {
        if (headId === void 0) return edit;
        throw new Error(`commit: ${file} was removed from branch '${ctx.branch.name}' (now at ${short3(base)}) since this checkout; not re-creating it`);
      }
      if (baseId === headId) return edit;
      if (await git.blobId(edit.original, file) !== headId) {
        throw new Error(
          `commit: ${file} has uncommitted changes here and branch '${ctx.branch.name}' changed it since ${short3(state.head ?? "")} (now at ${short3(base)}); commit or discard them before this step (nothing was pushed)`
        );
      }
      const atBase = await git.tryReadFile(base, file) ?? "";
      const result = change2.remake(atBase, edit);
      return { ...edit, original: atBase, content: result.content, changed: result.changed, before: result.before, after: result.after };
    })
  );
}
function files(state, edits, base) {
  const out = [];
  edits.forEach((edit, i) => {
    if (!edit.changed) return;
    const stored = base !== state.head && edit !== state.initial[i];
    out.push({ path: state.paths[i], content: edit.content, worktreeForm: !stored });
  });
  return out;
}
function guarded(state) {
  const changed = changedPaths(state, state.initial);
  return changed.length > 0 ? changed : state.paths;
}
function changedPaths(state, edits) {
  return state.paths.filter((_, i) => edits[i].changed);
}
async function checkMovable(ctx, state, base) {
  if (!state.head) return;
  const ours2 = new Set(state.paths);
  const dirty = (await ctx.git.dirtyPaths()).filter((p) => !ours2.has(p));
  if (dirty.length === 0) return;
  const upstream = new Set(await ctx.git.changedPaths(state.head, base));
  const conflicts = dirty.filter((p) => upstream.has(p));
  if (conflicts.length === 0) return;
  const list4 = conflicts.slice(0, 5).join(", ") + (conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : "");
  throw new Error(
    `commit: cannot move this checkout onto '${ctx.branch.name}' (${short3(base)}): ${list4} ${conflicts.length === 1 ? "has" : "have"} uncommitted changes here and the branch changed ${conflicts.length === 1 ? "it" : "them"} since ${short3(state.head)}; commit or discard them before this step (nothing was pushed)`
  );
}
async function moveTo(ctx, state, sha) {
  const { git, target } = ctx;
  if (sha === state.head) return;
  const written = changedPaths(state, state.initial);
  await git.restoreOrRemove(written);
  if (target.detach) await git.detach();
  await git.resetKeep(sha);
}
async function discard(state) {
  for (const edit of state.initial.filter((e) => e.changed)) await writeAtomic(edit.target.file, edit.original);
}

// src/commit/remote-branch.ts
var FIRST_DEPTH = 20;
var DEEPEN_STEPS = [100, 400];
var RemoteBranch = class {
  constructor(git, remote2, url, name) {
    this.git = git;
    this.remote = remote2;
    this.url = url;
    this.name = name;
    this.ref = `refs/remotes/${remote2}/${name}`;
  }
  git;
  remote;
  url;
  name;
  ref;
  fetched = false;
  deepenings = 0;
  /** Fetch the branch; its tip, or undefined when the remote has no such branch yet. */
  async fetchTip() {
    const depth = !this.fetched && await this.git.isShallow() ? { depth: FIRST_DEPTH } : {};
    try {
      await this.git.fetch(this.remote, this.name, this.ref, depth);
    } catch (error2) {
      if (!(error2 instanceof GitError)) throw error2;
      const output2 = error2.result.stderr + error2.result.stdout;
      if (/couldn't find remote ref/i.test(output2)) return void 0;
      throw pushError("fetch", this.url, this.name, output2);
    }
    this.fetched = true;
    return this.git.tryRevParse(this.ref);
  }
  /** Fetch older history of the branch; false when there is nothing more (or enough) to fetch. */
  async deepen() {
    if (!this.fetched || this.deepenings >= DEEPEN_STEPS.length || !await this.git.isShallow()) return false;
    const deepen = DEEPEN_STEPS[this.deepenings++];
    try {
      await this.git.fetch(this.remote, this.name, this.ref, { deepen });
    } catch (error2) {
      if (!(error2 instanceof GitError)) throw error2;
      throw pushError("fetch", this.url, this.name, error2.result.stderr + error2.result.stdout);
    }
    return true;
  }
};

// src/commit/signed-commit.ts
import { realpath as realpath3 } from "node:fs/promises";

// src/input-values.ts
var BOOLEAN = "true or false";
function parseBoolean(name, value, fallback) {
  if (value === "") return fallback;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^(false|no|off)$/i.test(value)) return false;
  throw new InputError(name, value, BOOLEAN);
}
function parseDuration(name, value, fallback) {
  if (value === "") return fallback;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  const seconds2 = match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0;
  const expected = "a duration such as 300s, 5m or 1h30m, at most 6h";
  if (!match || seconds2 <= 0) throw new InputError(name, value, expected);
  if (seconds2 > MAX_SECONDS) throw new InputError(name, value, expected, OVER_MAX);
  return seconds2;
}
function parseAuthor(value) {
  const match = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value);
  if (!match) throw new InputError("commit-author", value, "'Display Name <email@example.com>'");
  return { name: match[1], email: match[2] };
}
function commitSha(name, value) {
  if (value !== "" && !/^[0-9a-f]{7,64}$/i.test(value)) throw new InputError(name, value, "a commit SHA (7 to 64 hexadecimal digits)");
  return value.toLowerCase();
}
var PREVIEW_EVENTS = ["pull_request", "pull_request_target"];
function parseApply(value, event) {
  if (value === "" || value.toLowerCase() === "auto") {
    if (!PREVIEW_EVENTS.includes(event)) return { enabled: true, mode: "auto" };
    return { enabled: false, mode: "auto", off: `Not applied: \`apply: auto\` only previews ${event} events; the cluster was not touched.` };
  }
  if (/^(true|yes|on)$/i.test(value)) return { enabled: true, mode: "true" };
  if (/^(false|no|off)$/i.test(value)) return { enabled: false, mode: "false" };
  throw new InputError("apply", value, "auto, true or false");
}
function parseRegistry(verify, pin) {
  const value = verify.toLowerCase();
  const mode = value === "" || value === "auto" ? "auto" : /^(true|yes|on)$/.test(value) ? "true" : /^(false|no|off)$/.test(value) ? "false" : void 0;
  if (!mode) throw new InputError("verify-images", verify, "auto, true or false");
  if (pin && mode === "false") throw new InputError("pin-digest", "true", "verify-images: auto or true", "the digest comes from the registry lookup that verify-images: false turns off");
  return { verify: mode, pin };
}
function parseLoadRestrictor(value, event) {
  const restrictor = value || "root-only";
  if (restrictor !== "root-only" && restrictor !== "none") throw new InputError("load-restrictor", value, "root-only, none or empty");
  if (restrictor === "none" && PREVIEW_EVENTS.includes(event)) {
    const why = `on ${event} events the kustomization comes from the pull request, and without the restrictor it could read any file of the runner (a kubeconfig, /proc/self/environ) into a rendered object`;
    throw new InputError("load-restrictor", value, "root-only (or none on other events)", why);
  }
  return restrictor;
}
function parseCommit(value) {
  if (value.toLowerCase() === "pull-request") return { enabled: true, mode: "pull-request" };
  try {
    return { enabled: parseBoolean("commit", value, false), mode: "push" };
  } catch {
    throw new InputError("commit", value, "false, true or pull-request");
  }
}
function checkRollback(rollback, commit, dryRun) {
  if (!rollback || dryRun !== "none" || commit.enabled && commit.mode === "push") return;
  const why = commit.enabled ? "'commit: pull-request' applies nothing in this run, so nothing can roll back" : "a rollback is a commit pushed to the branch, and 'commit: false' pushes nothing";
  throw new InputError("rollback", "true", "'commit: true' (or rollback: false)", why);
}
function parseLabels(value) {
  return [...new Set(value.split(/[\r\n,]+/).map((l) => l.trim()).filter(Boolean))];
}

// src/inputs.ts
function text2(name) {
  return getInput(name).trim();
}
function lines(name) {
  return getInput(name).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}
function oneLineInput(name) {
  const value = text2(name);
  if (CONTROL.test(value)) throw new InputError(name, oneLine(value), "one line without control characters (shown escaped)");
  return value;
}
function flag(name, fallback) {
  return parseBoolean(name, text2(name), fallback);
}
function integer(name, fallback, min, max) {
  const value = text2(name);
  if (value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(name, value, `a whole number from ${min} to ${max}`);
  }
  return Number(value);
}
function oneOf(name, allowed, fallback) {
  const value = text2(name) || fallback;
  if (!allowed.includes(value)) throw new InputError(name, value, allowed.join(", ") + " or empty");
  return value;
}
var DEFAULT_AUTHOR = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>";
var DEFAULT_MESSAGE = "deploy({environment}): {images}";
var DEFAULT_PR_BRANCH = "deploy/{environment}";
function getSettings(env = process.env) {
  timeouts(env);
  const images = parseImageArgs(getInput("images").split(/\r?\n/));
  const paths = lines("path");
  const token = text2("token");
  if (token) setSecret(token);
  const settings = {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    paths: paths.length > 0 ? paths : ["."],
    images,
    environment: oneLineInput("environment"),
    unmatched: oneOf("unmatched", ["error", "warn"], "error"),
    commit: commitSettings(env),
    token,
    apply: applySettings(env),
    comment: flag("comment", true),
    registry: parseRegistry(text2("verify-images"), flag("pin-digest", false))
  };
  reconcile(settings);
  const shown = { ...settings, token: token ? "***" : "", apply: { ...settings.apply, kubeconfig: settings.apply.kubeconfig ? "***" : "" } };
  debug(`settings: ${JSON.stringify(shown)}`);
  if (settings.apply.off) info2(settings.apply.off);
  return settings;
}
function commitSettings(env) {
  return {
    ...parseCommit(text2("commit")),
    sign: flag("sign-commits", false),
    pullRequest: {
      branch: checkTemplate(text2("pull-request-branch") || DEFAULT_PR_BRANCH, "pull-request-branch"),
      labels: parseLabels(getInput("pull-request-labels")),
      draft: flag("pull-request-draft", false),
      autoMerge: oneOf("auto-merge", ["false", "merge", "squash", "rebase"], "false")
    },
    branch: text2("branch"),
    message: checkTemplate(getInput("commit-message").trim() || DEFAULT_MESSAGE),
    author: parseAuthor(text2("commit-author") || DEFAULT_AUTHOR),
    skipCi: flag("skip-ci", false),
    sourceCommit: commitSha("source-commit", text2("source-commit") || env.GITHUB_SHA || ""),
    sourceRepository: text2("source-repository") || env.GITHUB_REPOSITORY || "",
    allowDowngrade: flag("allow-downgrade", false),
    retries: integer("push-retries", 12, 0, 50)
  };
}
function applySettings(env) {
  return {
    ...parseApply(text2("apply"), env.GITHUB_EVENT_NAME ?? ""),
    kubectl: text2("kubectl") || "kubectl",
    loadRestrictor: parseLoadRestrictor(text2("load-restrictor"), env.GITHUB_EVENT_NAME ?? ""),
    kubeconfig: getInput("kubeconfig"),
    context: text2("context"),
    namespace: text2("namespace"),
    serverSide: flag("server-side", false),
    fieldManager: text2("field-manager"),
    forceConflicts: flag("force-conflicts", false),
    dryRun: oneOf("dry-run", ["none", "client", "server"], "none"),
    wait: flag("wait", true),
    timeoutSeconds: parseDuration("timeout", text2("timeout"), 300),
    rollback: flag("rollback", false)
  };
}
function reconcile(settings) {
  checkRollback(settings.apply.rollback, settings.commit, settings.apply.dryRun);
  if (settings.commit.enabled && settings.commit.mode === "pull-request" && settings.apply.enabled) {
    const say = settings.apply.mode === "true" ? warning : info2;
    say("commit: pull-request: nothing is applied in this run (the change reaches the cluster when the pull request is merged and the base branch is deployed)");
    settings.apply.enabled = false;
  }
  if (settings.registry.pin) settings.images = settings.images.map((spec) => spec.digest === void 0 ? { ...spec, pin: true } : spec);
  if (settings.apply.forceConflicts && !settings.apply.serverSide) {
    throw new InputError("force-conflicts", "true", "'server-side: true' as well", "it only applies to server-side apply");
  }
}

// src/commit/signed-commit.ts
var DEFAULT_IDENTITY = parseAuthor(DEFAULT_AUTHOR);
async function signedTarget(git, url, settings, env) {
  if (!settings.token) throw new InputError("token", "", "a token when 'sign-commits' is true", "GitHub creates the commit through its API");
  const given = settings.commit.author;
  if (given.name !== DEFAULT_IDENTITY.name || given.email !== DEFAULT_IDENTITY.email) {
    warning(`commit-author '${given.name} <${given.email}>' cannot apply with sign-commits: GitHub sets the author (the token's user) and the committer (GitHub)`);
  }
  const workspace = await realpath3(settings.workspace).catch(() => settings.workspace);
  const repo = resolveRepository(url, git.root === workspace, env);
  return { api: await githubApi(settings.token, env), repo, token: settings.token, env };
}
function signedPublish(ctx, target) {
  return async (built) => {
    if (!built.tip) throw new Error(`branch '${ctx.branch.name}' does not exist at ${ctx.branch.url}: createCommitOnBranch commits only to an existing branch`);
    const sha = await publishSigned(target, { git: ctx.git, branch: ctx.branch, built, expectedHead: built.tip });
    return { sha, pushed: true };
  };
}
async function storedFiles(git, sha, files2) {
  return Promise.all(files2.map(async (f) => ({ path: f.path, contents: await git.tryReadFile(sha, f.path) ?? f.content })));
}
function mutationError(error2, what, target, permission) {
  if (isMovedHead(error2)) return new PushError("rejected", `${what} was rejected because the branch moved (${graphqlErrors(error2)[0]?.message})`);
  const status = apiStatus(error2);
  const forbidden = graphqlErrors(error2).find((e) => e.type === "FORBIDDEN");
  if (status === 401 || status === 403 || forbidden) {
    const detail = forbidden?.message ?? errorMessage(error2);
    return new PushError("auth", deniedMessage({ operation: what, status: status ?? 403, detail, token: describeToken(target.token), permission, fork: isForkPullRequest(target.env) }));
  }
  if (status === void 0 && graphqlErrors(error2).length === 0) return new PushError("transient", `${what} failed on the network (${errorMessage(error2)})`);
  if (status !== void 0 && status >= 500) return new PushError("transient", `${what} failed (HTTP ${status}: ${errorMessage(error2)})`);
  return new PushError("other", `${what} failed: ${errorMessage(error2)}`);
}
async function publishSigned(target, commit) {
  const { git, branch, built } = commit;
  const what = `createCommitOnBranch on '${branch.name}' of ${fullName(target.repo)}`;
  const additions = await storedFiles(git, built.sha, built.files);
  let created;
  try {
    created = await createCommitOnBranch(target.api, { repo: target.repo, branch: branch.name, expectedHeadOid: commit.expectedHead, message: built.message, additions });
  } catch (error2) {
    const failure = mutationError(error2, what, target, "contents: write");
    const landed = failure.kind === "transient" || failure.kind === "rejected" ? await landedAnyway(commit) : void 0;
    if (!landed) throw failure;
    info2(`the answer to createCommitOnBranch was lost, but the branch tip ${landed} is this run's commit (${failure.message})`);
    created = { oid: landed, url: "" };
  }
  if (created.url) info2(`GitHub created ${created.oid} on '${branch.name}' (signed by GitHub): ${created.url}`);
  await branch.fetchTip();
  if (!await git.hasCommit(created.oid)) await git.fetchCommit(branch.remote, created.oid, await git.isShallow());
  if (await git.tryTree(created.oid) !== await git.tryTree(built.sha)) {
    warning(`the tree GitHub recorded in ${created.oid} differs from the one this run built; the checkout follows GitHub's`);
  }
  return created.oid;
}
async function landedAnyway(commit) {
  const { git, branch, built } = commit;
  const tip = await branch.fetchTip().catch(() => void 0);
  if (!tip || tip === commit.expectedHead) return void 0;
  const [parent, tree, builtTree, [logged]] = await Promise.all([git.tryRevParse(`${tip}^`), git.tryTree(tip), git.tryTree(built.sha), git.log(tip, [], 1)]);
  return parent === commit.expectedHead && tree === builtTree && logged?.message.trim() === built.message.trim() ? tip : void 0;
}

// src/commit/pull-request-mode.ts
async function pullRequestMode(ctx, edits, signed, describe2) {
  const { git, settings, env } = ctx;
  const base = ctx.branch;
  const deploy = new RemoteBranch(git, base.remote, base.url, await deployBranch(git, settings, edits, base.name));
  const workspace = await realpath4(settings.workspace).catch(() => settings.workspace);
  const repo = resolveRepository(base.url, git.root === workspace, env);
  info2(`deploy branch '${deploy.name}', pull request into '${base.name}' of ${repo.owner}/${repo.repo}`);
  let last;
  const loop = {
    ...ctx,
    // the checkout ends on the deploy commit without moving the base branch's local ref
    target: { ...ctx.target, detach: true },
    publish: async (built) => {
      last = { ...await publishDeploy(loop, deploy, built, signed ? { ...signed, repo } : void 0), built };
      return last;
    }
  };
  const result = await pushLoop(loop, edits);
  const common = { skipped: false, retries: result.retries, ...result.edits ? { edits: result.edits } : {} };
  if (result.stale) return { ...common, pushed: false, commitSha: "", stale: true, refused: result.refused, branch: base.name };
  const unchanged = last?.sha !== result.commitSha;
  if (unchanged) info2(`'${base.name}' already holds this edit: no deploy branch pushed`);
  const api = signed?.api ?? await githubApi(settings.token, env);
  const pullRequest = await openOrUpdate(loop, api, repo, {
    deploy: deploy.name,
    baseTip: unchanged ? result.commitSha : last.built.tip,
    message: last?.built.message ?? "",
    edits: result.edits ?? edits,
    unchanged
  }, describe2);
  if (unchanged) return { ...common, pushed: false, commitSha: result.commitSha, stale: false, branch: base.name, pullRequest };
  return { ...common, pushed: result.pushed, commitSha: result.commitSha, stale: false, branch: deploy.name, pullRequest };
}
async function sayReplaced(ctx, deploy, deployTip) {
  const [logged] = await ctx.git.log(deployTip, [], 1);
  const record = logged ? parseTrailers(logged.message) : void 0;
  const subject = logged?.message.split("\n")[0] ?? "";
  const ours2 = new Set(ctx.settings.images.map((s) => s.name));
  const dropped = (record?.images ?? []).filter((image) => !ours2.has(imageName(image)));
  const what = `'${deploy.name}' held ${deployTip.slice(0, 7)} (${subject}${record?.run ? `, run ${record.run}` : ""})`;
  if (dropped.length > 0) warning(`${what}; this run rebuilds it from the base tip with its own edit only, so ${dropped.join(", ")} is no longer in the pull request`);
  else info2(`${what}; replacing it with this run's edit on the base tip`);
}
async function publishDeploy(ctx, deploy, built, signed) {
  const { git } = ctx;
  if (!built.tip) throw new Error(`the base branch '${ctx.branch.name}' does not exist at ${ctx.branch.url.replace(/\/\/[^/@]*@/, "//")}`);
  const deployTip = await deploy.fetchTip();
  if (deployTip && await git.tryRevParse(`${deployTip}^`) === built.tip && await git.tryTree(deployTip) === await git.tryTree(built.sha)) {
    info2(`'${deploy.name}' already holds this edit on ${built.tip.slice(0, 7)}: nothing to push`);
    return { sha: deployTip, pushed: false };
  }
  if (deployTip) await sayReplaced(ctx, deploy, deployTip);
  if (signed) {
    try {
      await setBranch(signed.api, signed.repo, deploy.name, built.tip, deployTip !== void 0);
    } catch (error2) {
      const what = `${deployTip ? "resetting" : "creating"} '${deploy.name}' through the refs API`;
      throw apiStatus(error2) === 422 ? new PushError("rejected", `${what} failed: the branch changed meanwhile`) : mutationError(error2, what, signed, "contents: write");
    }
    return { sha: await publishSigned(signed, { git, branch: deploy, built, expectedHead: built.tip }), pushed: true };
  }
  const result = await git.tryPush(deploy.remote, built.sha, deploy.name, deployTip ?? "");
  if (result.code !== 0) throw pushError("push", deploy.url, deploy.name, `${result.stderr}
${result.stdout}`);
  info2(`pushed ${built.sha} to '${deploy.name}': one commit on ${built.tip.slice(0, 7)}, replacing ${deployTip ? deployTip.slice(0, 7) : "nothing"}`);
  return { sha: built.sha, pushed: true };
}

// src/commit/unpushed.ts
async function putBack(git, head, edits) {
  if (await git.tryRevParse("HEAD") !== head) return;
  const written = edits.filter((e) => e.changed);
  for (const edit of written) await writeAtomic(edit.target.file, edit.original);
  if (written.length > 0) info2(`nothing was pushed: put ${written.length} file(s) back as they were before this run`);
}
async function asBranchHolds(git, rev, edits, images) {
  return Promise.all(
    edits.map(async (edit) => {
      const atTip = await git.tryReadFile(rev, await git.repoPath(edit.target.file));
      if (atTip === void 0) return edit;
      const result = editImages(atTip, edit.specs ?? images, edit.target.fileRel);
      return { ...edit, original: atTip, content: result.content, changed: result.changed, before: result.before, after: result.after };
    })
  );
}

// src/commit/commit-back.ts
var skip = (why) => {
  info2(why);
  return { pushed: false, commitSha: "", stale: false, skipped: true, retries: 0 };
};
async function commitBack(settings, edits, options) {
  if (!settings.commit.enabled) return skip("commit is false: not committing");
  checkTemplate(settings.commit.message);
  const env = options.env ?? process.env;
  const target = await checkCommit(settings, edits, env);
  const { git, remote: remote2, url, branch } = target;
  const pullRequest = settings.commit.mode === "pull-request";
  info2(`repository ${git.root}, ${pullRequest ? "opening a pull request into" : "pushing to"} branch '${branch}' of remote '${remote2}'`);
  const head = await git.tryRevParse("HEAD");
  const remoteBranch = new RemoteBranch(git, remote2, url, branch);
  try {
    const auth = await configureAuth(git, url, settings.token);
    const compare = options.compare ?? apiCompare(settings.token, env);
    const signed = settings.commit.sign ? await signedTarget(git, url, settings, env) : void 0;
    const context = { git, settings, env, compare, said: /* @__PURE__ */ new Set(), target, branch: remoteBranch, verify: options.verify };
    if (signed && !pullRequest) context.publish = signedPublish(context, signed);
    const result = await withAuthHint(auth, async () => pullRequest ? pullRequestMode(context, edits, signed, options.describe) : { ...await pushLoop(context, edits), skipped: false, branch });
    if (!result.stale) return result;
    return { ...result, held: await asBranchHolds(git, remoteBranch.ref, edits, settings.images) };
  } catch (error2) {
    await putBack(git, head, edits);
    throw error2;
  } finally {
    git.clearEnvConfig();
  }
}
async function commitUnlessDryRun(settings, edits, options) {
  if (settings.apply.dryRun === "none" || !settings.commit.enabled) return commitBack(settings, edits, options);
  const why = `Dry run (\`dry-run: ${settings.apply.dryRun}\`): nothing committed or pushed.`;
  info2(why);
  return { pushed: false, commitSha: "", stale: false, skipped: true, retries: 0, refused: why };
}
async function withAuthHint(auth, fn) {
  try {
    return await fn();
  } catch (error2) {
    if (error2 instanceof PushError && error2.kind === "auth" && !/ using /.test(error2.message)) {
      throw new PushError("auth", `${error2.message} (git used ${describeAuth(auth)})`);
    }
    throw error2;
  }
}
function apiCompare(token, env) {
  if (!token || !env.GITHUB_API_URL) return void 0;
  const api = githubApi(token, env);
  return async (repository, base, head) => compareCommits(await api, repository, base, head);
}

// src/edit/edit-targets.ts
import * as path6 from "node:path";
async function planEdits(targets, specs, environment) {
  return Promise.all(
    targets.map(async (target) => {
      for (const leftover of await removeLeftovers(target.file)) {
        info2(`removed ${path6.join(path6.dirname(target.fileRel), path6.basename(leftover))}, a temp file an interrupted run left behind`);
      }
      const original = await readKustomization(target.file, target.fileRel);
      const result = editImages(original, specs, target.fileRel);
      for (const warning2 of result.warnings) warning(warning2, { file: target.fileRel });
      info2(`${oneLine(target.fileRel)}: ${result.changed ? "changed" : "unchanged"}`);
      return { target, environment: environment || target.rel, original, ...result };
    })
  );
}
async function writeEdits(edits, journal) {
  for (const edit of edits.filter((e) => e.changed)) await journal.write(edit.target.file, edit.content, edit.original);
}

// src/preview/preview.ts
import { existsSync as existsSync5 } from "node:fs";
import { mkdtemp as mkdtemp4, readFile as readFile3, rm as rm5 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import * as path7 from "node:path";

// src/preview/comment-upsert.ts
var ownedBy = (owner, c) => "login" in owner ? c.author?.login === owner.login : c.author?.type === "Bot";
async function ours(api, repo, issue2, marker, owner) {
  const all = await listIssueComments(api, repo, issue2);
  return all.filter((c) => c.body.startsWith(marker) && ownedBy(owner, c)).sort((a, b) => a.id - b.id);
}
async function deleteAll(api, repo, comments) {
  let deleted = 0;
  for (const c of comments) {
    try {
      await deleteIssueComment(api, repo, c.id);
      deleted++;
    } catch (error2) {
      if (apiStatus(error2) !== 404) throw error2;
    }
  }
  if (deleted > 0) info2(`removed ${deleted} duplicate comment(s)`);
  return deleted;
}
async function upsertComment(api, repo, issue2, marker, body2) {
  const login = await authenticatedLogin(api);
  const owner = login ? { login } : { bot: true };
  const existing = await ours(api, repo, issue2, marker, owner);
  let deleted = 0;
  if (existing.length > 0) {
    const [keep, ...duplicates2] = existing;
    deleted = await deleteAll(api, repo, duplicates2);
    if (keep.body === body2) return { url: keep.url, action: "unchanged", deleted };
    const updated = await updateIfThere(api, repo, keep.id, body2);
    if (updated) return { url: updated.url, action: "updated", deleted };
    info2(`comment ${keep.id} was deleted meanwhile: creating it again`);
  }
  const result = await createOnce(api, repo, issue2, marker, body2, owner);
  return { ...result, deleted: result.deleted + deleted };
}
async function updateIfThere(api, repo, id, body2) {
  try {
    return await updateIssueComment(api, repo, id, body2);
  } catch (error2) {
    if (apiStatus(error2) === 404) return void 0;
    throw error2;
  }
}
async function createOnce(api, repo, issue2, marker, body2, owner) {
  let created;
  let failure;
  try {
    created = await createIssueComment(api, repo, issue2, body2);
    if (created.author) owner = { login: created.author.login };
  } catch (error2) {
    failure = error2;
  }
  let after;
  try {
    after = await ours(api, repo, issue2, marker, owner);
  } catch (error2) {
    if (failure !== void 0 || !created) throw failure ?? error2;
    return { url: created.url, action: "created", deleted: 0 };
  }
  if (after.length === 0) {
    if (failure !== void 0 || !created) throw failure;
    return { url: created.url, action: "created", deleted: 0 };
  }
  if (failure !== void 0) info2(`creating the comment failed (${errorMessage(failure)}), but GitHub stored it: keeping one`);
  const [keep, ...duplicates2] = after;
  const deleted = await deleteAll(api, repo, duplicates2);
  const mine = keep.id === created?.id || failure !== void 0 && keep.body === body2;
  if (keep.body === body2) return { url: keep.url, action: mine ? "created" : "updated", deleted };
  const updated = await updateIfThere(api, repo, keep.id, body2);
  if (!updated) throw failure ?? new Error(`comment ${keep.id} disappeared while it was being updated`);
  return { url: updated.url, action: "updated", deleted };
}

// src/preview/resource-diff.ts
import { createHash } from "node:crypto";

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path10, added, removed, oldPosInc, options) {
    const last = path10.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path10.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path10.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines2) {
      return lines2.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines2 = current.lines || splitLines(current.value);
      current.lines = lines2;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines2) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines2.length;
        } else {
          oldLine += lines2.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines2.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines2)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines2.length, context);
            for (const line of contextLines(lines2.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines2.length;
        newLine += lines2.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function splitLines(text3) {
  const hasTrailingNl = text3.endsWith("\n");
  const result = text3.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/preview/resource-diff.ts
var import_yaml11 = __toESM(require_dist(), 1);
var REDACTED = "(redacted)";
var SECRET_FIELDS2 = ["data", "stringData"];
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function resourceLabel(id) {
  return `${id.kind} ${id.namespace ? `${id.namespace}/` : ""}${id.name} (${id.apiVersion})`;
}
var keyOf = (id) => [id.apiVersion, id.kind, id.namespace, id.name].join("\0");
var digest = (value) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
function redactSecret(text3) {
  const object = (0, import_yaml11.parse)(text3);
  const digests = /* @__PURE__ */ new Map();
  for (const field2 of SECRET_FIELDS2) {
    const values = object[field2];
    if (values === null || typeof values !== "object") continue;
    const redacted = {};
    for (const [key2, value] of Object.entries(values)) {
      digests.set(`${field2}.${key2}`, digest(value));
      redacted[key2] = REDACTED;
    }
    object[field2] = redacted;
  }
  const annotations = object.metadata?.annotations;
  if (annotations && LAST_APPLIED in annotations) annotations[LAST_APPLIED] = REDACTED;
  return { text: (0, import_yaml11.stringify)(object, { lineWidth: 0 }), digests };
}
function toResource(text3, index, copies) {
  const doc = readDocument(text3);
  const id = doc.id ?? { apiVersion: "", kind: "(unidentified document)", namespace: "", name: `#${index + 1}` };
  const body2 = text3.endsWith("\n") ? text3 : text3 + "\n";
  if (id.kind === "Secret" || /^kind: *["']?Secret["']? *$/m.test(text3)) {
    try {
      const { text: redacted, digests } = redactSecret(body2);
      return { id, key: keyOf(id), text: redactCopies(redacted, copies), images: doc.images, secretDigests: digests };
    } catch {
      return { id, key: keyOf(id), text: `# ${REDACTED}: this Secret could not be parsed
`, images: [], secretDigests: /* @__PURE__ */ new Map() };
    }
  }
  return { id, key: keyOf(id), text: redactCopies(body2, copies), images: doc.images };
}
function indexRender(render, copies = /* @__PURE__ */ new Map()) {
  const byKey = /* @__PURE__ */ new Map();
  splitDocuments(render).forEach((text3, i) => {
    const resource2 = toResource(text3, i, copies);
    let key2 = resource2.key;
    for (let n = 2; byKey.has(key2); n++) key2 = `${resource2.key}#${n}`;
    byKey.set(key2, { ...resource2, key: key2 });
  });
  return byKey;
}
function secretKeyChanges(before, after) {
  if (!before && !after) return void 0;
  const a = before ?? /* @__PURE__ */ new Map();
  const b = after ?? /* @__PURE__ */ new Map();
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k))
  };
}
var MAX_EDIT_LENGTH = 1e3;
function unifiedLines(before, after, context = 3) {
  const patch = structuredPatch("a", "b", before, after, void 0, void 0, { context, maxEditLength: MAX_EDIT_LENGTH });
  if (!patch) return replacedWhole(before, after);
  const lines2 = [];
  for (const h of patch.hunks) {
    lines2.push(`@@ -${h.oldLines ? h.oldStart : h.oldStart - 1},${h.oldLines} +${h.newLines ? h.newStart : h.newStart - 1},${h.newLines} @@`);
    for (const line of h.lines) if (!line.startsWith("\\")) lines2.push(line);
  }
  return lines2;
}
function replacedWhole(before, after) {
  const split2 = (t) => t === "" ? [] : t.replace(/\n$/, "").split("\n");
  const [old, now] = [split2(before), split2(after)];
  const header3 = `@@ -${old.length ? 1 : 0},${old.length} +${now.length ? 1 : 0},${now.length} @@`;
  return [header3, ...old.map((l) => `-${l}`), ...now.map((l) => `+${l}`)];
}
function change(kind, before, after) {
  const id = (after ?? before).id;
  const out = { id, change: kind, lines: unifiedLines(before?.text ?? "", after?.text ?? "") };
  const secretKeys = secretKeyChanges(before?.secretDigests, after?.secretDigests);
  if (secretKeys) out.secretKeys = secretKeys;
  return out;
}
var hasSecretChange = (k) => !!k && k.added.length + k.removed.length + k.changed.length > 0;
function diffRenders(base, head) {
  const copies = secretCopies(base, head);
  const before = indexRender(base, copies);
  const after = indexRender(head, copies);
  const changes = [];
  let unchanged = 0;
  for (const [key2, resource2] of after) {
    const old = before.get(key2);
    if (!old) changes.push(change("added", void 0, resource2));
    else if (old.text !== resource2.text || hasSecretChange(secretKeyChanges(old.secretDigests, resource2.secretDigests))) {
      changes.push(change("changed", old, resource2));
    } else unchanged++;
  }
  for (const [key2, resource2] of before) if (!after.has(key2)) changes.push(change("removed", resource2, void 0));
  const count = (c) => changes.filter((x) => x.change === c).length;
  const images = (m) => [...new Set([...m.values()].flatMap((r) => r.images))].sort();
  return {
    changes,
    counts: { added: count("added"), removed: count("removed"), changed: count("changed"), unchanged },
    images: { before: images(before), after: images(after) }
  };
}

// src/preview/pr-comment.ts
var COMMENT_LIMIT = 65536;
var SUMMARY_LIMIT = 1e6;
var DIFF_OUTPUT_LIMIT = 256 * 1024;
var CUT_LINES = [60, 20, 8, 3];
var MAX_IMAGE_ROWS = 30;
function commentMarker(environment, path10) {
  const enc = (s) => encodeURIComponent(s).replace(/-/g, "%2D");
  return `<!-- kustomize-image-deploy:env=${enc(environment)};path=${enc(path10)} -->`;
}
var escapeMarkdown = text;
function imageChanges(diff) {
  const group2 = (refs) => {
    const map = /* @__PURE__ */ new Map();
    for (const ref of refs) map.set(splitImage(ref).name, [...map.get(splitImage(ref).name) ?? [], ref]);
    return map;
  };
  const before = group2(diff.images.before);
  const after = group2(diff.images.after);
  const names = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort();
  return names.map((name) => ({ name, before: before.get(name) ?? [], after: after.get(name) ?? [] })).filter((row) => row.before.join("\n") !== row.after.join("\n"));
}
function countsLine(diff) {
  const { added, removed, changed, unchanged } = diff.counts;
  return `**${changed} changed**, **${added} added**, **${removed} removed**, ${unchanged} unchanged`;
}
function header(p, options) {
  const out = options.marker ? [options.marker] : [];
  out.push(`### Rendered diff: ${text(p.environment)} (${code(p.path)})`, "");
  const commits = p.base && p.head ? ` \xB7 ${code(p.base)} \u2192 ${code(p.head)}` : "";
  out.push(countsLine(p.diff) + commits, "");
  if (p.note) out.push(`> ${escapeMarkdown(p.note)}`, "");
  const rows = imageChanges(p.diff);
  if (rows.length > 0) {
    const cell2 = (refs) => refs.length ? refs.map((r) => code(r, true)).join("<br>") : "\u2014";
    out.push("| image | before | after |", "| --- | --- | --- |");
    for (const row of rows.slice(0, MAX_IMAGE_ROWS)) out.push(`| ${code(row.name, true)} | ${cell2(row.before)} | ${cell2(row.after)} |`);
    if (rows.length > MAX_IMAGE_ROWS) out.push(`| \u2026 ${rows.length - MAX_IMAGE_ROWS} more | | |`);
    out.push("");
  } else if (p.diff.changes.length > 0) out.push("Images unchanged.", "");
  return out;
}
function secretLine(keys) {
  if (!keys) return void 0;
  const parts = ["changed", "added", "removed"].filter((k) => keys[k].length > 0).map((k) => `${k}: ${keys[k].map((key2) => code(key2)).join(", ")}`);
  return `Secret values are not shown. Keys ${parts.length ? parts.join("; ") : "unchanged"}.`;
}
function fence2(lines2) {
  let longest = 0;
  for (const line of lines2) for (const run2 of line.match(/`+/g) ?? []) longest = Math.max(longest, run2.length);
  return "`".repeat(Math.max(3, longest + 1));
}
function changeBlock(c, maxLines, open3) {
  const plus = c.lines.filter((l) => l.startsWith("+")).length;
  const minus = c.lines.filter((l) => l.startsWith("-")).length;
  const summary2 = `${c.change}: <code>${text(resourceLabel(c.id))}</code> (+${plus} \u2212${minus})`;
  const out = [`<details${open3 ? " open" : ""}><summary>${summary2}</summary>`, ""];
  const shown = c.lines.slice(0, maxLines);
  if (shown.length > 0) {
    if (c.lines.length > maxLines) shown.push(`# \u2026 ${c.lines.length - maxLines} more lines`);
    const f = fence2(shown);
    out.push(f + "diff", ...shown, f, "");
  }
  const secret = secretLine(c.secretKeys);
  if (secret) out.push(secret, "");
  out.push("</details>", "");
  return out.join("\n");
}
function listLine(c) {
  const secret = secretLine(c.secretKeys);
  return `- ${c.change} ${code(resourceLabel(c.id))}${secret ? ` \u2014 ${secret}` : ""}`;
}
function body(p, level, maxLines = Infinity) {
  const changes = p.diff.changes;
  if (changes.length === 0) return "No resource changes.\n";
  if (level === "counts") return `${changes.length} resources differ: too many to list here.
`;
  if (level === "list") return changes.map(listLine).join("\n") + "\n";
  const open3 = changes.length <= 10;
  return changes.map((c) => changeBlock(c, maxLines, open3)).join("\n");
}
function fitMarkdown(p, options) {
  const head = header(p, options).join("\n") + "\n";
  const tail = options.pointer ? `
${options.pointer}
` : "";
  const size = options.size ?? ((text3) => text3.length);
  const attempts = [["full", Infinity], ...CUT_LINES.map((n) => ["cut", n]), ["list", 0], ["counts", 0]];
  for (const [level, maxLines] of attempts) {
    if (level === "cut" && !p.diff.changes.some((c) => c.lines.length > maxLines)) continue;
    const markdown = head + "\n" + body(p, level, maxLines) + tail;
    if (size(markdown) <= options.limit) return { markdown, level };
  }
  let counts = head + "\n" + body(p, "counts") + tail;
  while (size(counts) > options.limit) counts = counts.slice(0, Math.floor(counts.length * 0.9));
  return { markdown: counts, level: "counts" };
}
function summarySection(previews2, limit = SUMMARY_LIMIT) {
  const share = Math.floor(limit / Math.max(previews2.length, 1));
  const size = (text3) => Buffer.byteLength(text3, "utf8");
  return previews2.map((p) => fitMarkdown(p, { limit: share, size }).markdown).join("\n");
}
function diffText(previews2, limit) {
  const out = [];
  for (const p of previews2) {
    const { added, removed, changed } = p.diff.counts;
    out.push(`# ${oneLine(p.environment)} (${oneLine(p.path)}): ${changed} changed, ${added} added, ${removed} removed`);
    for (const c of p.diff.changes) {
      const label = resourceLabel(c.id);
      out.push(`--- ${c.change === "added" ? "/dev/null" : label}`, `+++ ${c.change === "removed" ? "/dev/null" : label}`, ...c.lines);
      const secret = secretLine(c.secretKeys);
      if (secret) out.push(`# ${secret}`);
    }
  }
  const text3 = out.join("\n") + "\n";
  if (text3.length <= limit) return text3;
  const cut = text3.lastIndexOf("\n", limit - 80);
  return text3.slice(0, Math.max(cut, 0)) + `
# \u2026 cut: ${text3.length - cut} more characters; see the job summary
`;
}

// src/preview/preview.ts
var PR_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
async function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  let payload = {};
  if (env.GITHUB_EVENT_PATH && existsSync5(env.GITHUB_EVENT_PATH)) {
    payload = JSON.parse(await readFile3(env.GITHUB_EVENT_PATH, "utf8"));
  }
  if (PR_EVENTS.has(name)) {
    const pr = payload.pull_request ?? {};
    const head = pr.head?.repo?.full_name;
    const fork = Boolean(head && pr.base?.repo?.full_name && head !== pr.base.repo.full_name);
    return { name, base: pr.base?.sha, pullRequest: Number(pr.number ?? payload.number) || void 0, fork };
  }
  return { name, base: env.GITHUB_SHA || void 0 };
}
async function renderBase(git, base, edits, kubectl, env, signal) {
  const parent = await mkdtemp4(path7.join(env.RUNNER_TEMP || tmpdir4(), "kid-base-"));
  const tree = path7.join(parent, "tree");
  const removed = removeOnCancel(parent);
  try {
    await git.addWorktree(tree, base);
    const renders = await mapLimit(edits, async (edit) => {
      const dir = path7.join(tree, path7.relative(git.root, edit.target.dir));
      if (!existsSync5(dir)) return { render: "", note: `${edit.target.rel} does not exist at the base commit: every resource is new.` };
      try {
        return { render: await kubectl.kustomize(dir, signal) };
      } catch (error2) {
        return { render: "", note: `The base commit did not render (${errorMessage(error2)}): every resource is shown as new.` };
      }
    });
    return new Map(edits.map((edit, i) => [edit.target.dir, renders[i]]));
  } finally {
    await git.tryRemoveWorktree(tree);
    await rm5(parent, { recursive: true, force: true });
    removed();
  }
}
async function ensureCommit(git, sha) {
  if (await git.hasCommit(sha)) return true;
  const remotes = await git.remotes();
  const remote2 = remotes.includes("origin") ? "origin" : remotes[0];
  if (!remote2) return false;
  try {
    await git.fetchCommit(remote2, sha, await git.isShallow());
    return await git.hasCommit(sha);
  } catch (error2) {
    warning(`preview: cannot fetch the base commit ${sha} (${errorMessage(error2)})`);
    return false;
  }
}
function summaryPointer(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run2, GITHUB_RUN_ATTEMPT: attempt } = env;
  const where2 = server && repo && run2 ? `[job summary](${server}/${repo}/actions/runs/${run2}${attempt ? `/attempts/${attempt}` : ""})` : "job summary of this run";
  return `<sub>The full redacted diff is in the ${where2}. Secret values are never shown.</sub>`;
}
function denied(fork) {
  return fork ? "the token cannot comment on this pull request from a fork (its token is read-only, whatever the workflow's permissions say); to comment on fork pull requests, post the diff from a workflow_run workflow (README: Pull-request previews)" : "the token cannot comment on this pull request (give the job `permissions: pull-requests: write`)";
}
async function postComments(previews2, settings, pullRequest, fork, env, cancel2) {
  const repo = parseRepo(env.GITHUB_REPOSITORY ?? "");
  if (!repo) {
    warning(`preview: GITHUB_REPOSITORY '${env.GITHUB_REPOSITORY ?? ""}' is not owner/name; not commenting`);
    return [];
  }
  const api = await githubApi(settings.token, env, cancel2);
  const comments = [];
  for (const p of previews2) {
    const marker = commentMarker(p.environment, p.path);
    const { markdown, level } = fitMarkdown(p, { limit: COMMENT_LIMIT, marker, pointer: summaryPointer(env) });
    try {
      const result = await upsertComment(api, repo, pullRequest, marker, markdown);
      info2(`${oneLine(p.environment)}: comment ${result.action} (${level} diff, ${markdown.length} characters): ${result.url}`);
      comments.push({ environment: p.environment, path: p.path, url: result.url });
    } catch (error2) {
      if (cancel2.aborted) break;
      warning(`preview: ${commentFailure(error2, fork)}. The rendered diff is in the job summary.`);
      if (error2 instanceof RateLimitError || apiStatus(error2) === 401 || apiStatus(error2) === 403) break;
    }
  }
  return comments;
}
function commentFailure(error2, fork) {
  if (error2 instanceof RateLimitError) return `${error2.message}; not commenting`;
  const status = apiStatus(error2);
  const detail = `${status ? `HTTP ${status}: ` : ""}${errorMessage(error2)}`;
  if (status === 401 || status === 403 || status === 404) return `${denied(fork)}: ${detail}`;
  return `the GitHub API call failed (${detail})`;
}
async function preview2(settings, edits, rendered, kubectl, recorded, env = process.env) {
  const { previewMs } = timeouts(env);
  const cancel2 = new AbortController();
  let timer;
  const deadline = new Promise((resolve4) => {
    timer = setTimeout(() => {
      cancel2.abort(new Error(`the preview took longer than ${seconds(previewMs)}`));
      resolve4(void 0);
    }, previewMs);
  });
  const work = buildPreview(settings, edits, rendered, kubectl, recorded, env, cancel2.signal).catch((error2) => {
    if (!cancel2.signal.aborted) warning(`preview: ${errorMessage(error2)}`);
    return void 0;
  });
  try {
    const result = await Promise.race([work, deadline]);
    if (cancel2.signal.aborted) warning(`preview: gave up after ${seconds(previewMs)} (KID_PREVIEW_TIMEOUT); no comment written, the deploy itself is not affected`);
    return result;
  } finally {
    clearTimeout(timer);
  }
}
async function buildPreview(settings, edits, rendered, kubectl, recorded, env, cancel2) {
  const event = await readEvent(env);
  if (!event.pullRequest && recorded && edits.every((e) => recorded.has(e.target.dir))) {
    const renders2 = new Map(edits.map((e) => [e.target.dir, { render: recorded.get(e.target.dir) }]));
    const base2 = event.base ?? "HEAD";
    return { environments: environmentPreviews(edits, renders2, rendered, base2, base2), comments: [] };
  }
  if (!event.base) {
    info2(`preview: the ${event.name || "current"} event names no base commit; nothing to compare`);
    return void 0;
  }
  let git;
  try {
    git = await Git.open(settings.workspace);
  } catch (error2) {
    info2(`preview: no git repository to render the base from (${errorMessage(error2)})`);
    return void 0;
  }
  if (!await ensureCommit(git, event.base)) return void 0;
  const base = await git.tryRevParse(event.base) ?? event.base;
  const head = await git.tryRevParse("HEAD") ?? "";
  const renders = await renderBase(git, base, edits, kubectl, env, cancel2);
  const environments = environmentPreviews(edits, renders, rendered, base, head);
  let comments = [];
  if (event.pullRequest && settings.comment) {
    if (settings.token) comments = await postComments(environments, settings, event.pullRequest, event.fork ?? false, env, cancel2);
    else info2("preview: no token; not commenting (the diff is in the job summary)");
  }
  return { environments, comments };
}
function environmentPreviews(edits, renders, rendered, base, head) {
  return edits.map((edit) => {
    const { render, note } = renders.get(edit.target.dir) ?? { render: "" };
    const p = {
      environment: edit.environment,
      path: edit.target.rel,
      diff: diffRenders(render, rendered.get(edit.target.dir) ?? ""),
      base: base.slice(0, 7),
      head: head.slice(0, 7) + (edit.changed ? " + this edit" : "")
    };
    if (note) p.note = note;
    const { added, removed, changed, unchanged } = p.diff.counts;
    info2(`${oneLine(p.environment)}: ${changed} changed, ${added} added, ${removed} removed, ${unchanged} unchanged`);
    return p;
  });
}

// src/preview/pull-request-body.ts
var BODY_MARKER = "<!-- kustomize-image-deploy:pull-request -->";
function sourceLine(input) {
  if (!input.source) return "Source commit: unknown (no `source-commit` and no `GITHUB_SHA`).";
  const short4 = `\`${input.source.slice(0, 12)}\``;
  const link = input.serverUrl && input.sourceRepository ? `[${short4}](${input.serverUrl}/${input.sourceRepository}/commit/${input.source})` : short4;
  return `Source commit: ${link}${input.sourceRepository ? ` of ${escapeMarkdown(input.sourceRepository)}` : ""}.`;
}
function pullRequestBody(input, limit = COMMENT_LIMIT) {
  const head = [
    BODY_MARKER,
    `Deploy pull request kept by Kustomize Image Deploy: \`${escapeMarkdown(input.deployBranch)}\` is rebuilt on every run from the tip of \`${escapeMarkdown(input.base)}\` (\`${input.baseTip.slice(0, 7)}\`) plus the newest edit.`,
    "Nothing has been applied to a cluster: the change is applied once this pull request is merged.",
    ""
  ].join("\n");
  const tail = ["", "---", sourceLine(input), input.runUrl ? `Run: ${input.runUrl}` : "", "<sub>Secret values are never shown.</sub>", ""].join("\n");
  const share = Math.floor((limit - head.length - tail.length - 2) / Math.max(input.environments.length, 1));
  const parts = input.environments.map((p) => fitMarkdown(p, { limit: share }).markdown);
  return [head, ...parts, tail].join("\n");
}
async function previews(request2, kubectl, env) {
  const changed = request2.edits.filter((e) => e.changed);
  try {
    const before = await renderBase(request2.git, request2.baseTip, changed, kubectl, env);
    const after = await mapLimit(changed, (e) => kubectl.kustomize(e.target.dir));
    return changed.map((e, i) => {
      const { render, note } = before.get(e.target.dir) ?? { render: "" };
      const p = { environment: e.environment, path: e.target.rel, diff: diffRenders(render, after[i]), base: request2.baseTip.slice(0, 7), head: "deploy commit" };
      if (note) p.note = note;
      return p;
    });
  } catch (error2) {
    warning(`pull request body: no rendered diff (${errorMessage(error2)})`);
    return [];
  }
}
function runUrl(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run2 } = env;
  return server && repo && run2 ? `${server}/${repo}/actions/runs/${run2}` : void 0;
}
function describePullRequest(settings, kubectl, env = process.env) {
  return async (request2) => pullRequestBody({
    environments: await previews(request2, kubectl, env),
    base: request2.base,
    baseTip: request2.baseTip,
    deployBranch: request2.deployBranch,
    source: settings.commit.sourceCommit,
    sourceRepository: settings.commit.sourceRepository,
    runUrl: runUrl(env),
    serverUrl: env.GITHUB_SERVER_URL
  });
}

// src/commit/push-change.ts
async function pushChange(settings, edits, change2, verify, env = process.env) {
  const target = await checkCommit(settings, edits, env);
  const { git, remote: remote2, url, branch } = target;
  try {
    const auth = await configureAuth(git, url, settings.token);
    const context = { git, settings, env, said: /* @__PURE__ */ new Set(), target, branch: new RemoteBranch(git, remote2, url, branch), change: change2, verify };
    if (settings.commit.sign) context.publish = signedPublish(context, await signedTarget(git, url, settings, env));
    return await withAuthHint(auth, () => pushLoop(context, edits));
  } finally {
    git.clearEnvConfig();
  }
}
async function sourcesBefore(settings, edits, commit) {
  const { git } = await checkCommit(settings, edits);
  const names = settings.images.map((s) => s.name);
  const sources = await Promise.all(
    edits.map(async (edit) => {
      const file = await git.repoPath(edit.target.file);
      const commits = await git.log(`${commit}^`, [file], 1e3).catch(() => []);
      const { last } = await findLastDeploy(commits, file, names, (rev, f) => git.tryReadFile(rev, f));
      return last?.record.source;
    })
  );
  return [...new Set(sources.filter((s) => !!s))];
}

// src/rollback/restore.ts
var sameEntry = (a, b) => a === b || a !== void 0 && b !== void 0 && a.name === b.name && FIELDS.every((f) => a[f] === b[f]);
function entryArg(entry) {
  return `${entry.name}${entry.newName ? `=${entry.newName}` : ""}${entry.newTag ? `:${entry.newTag}` : ""}${entry.digest ? `@${entry.digest}` : ""}`;
}
function changedEntries(before, after) {
  return after.flatMap((deployed) => {
    const previous = before.find((b) => b.name === deployed.name);
    return sameEntry(previous, deployed) ? [] : [{ deployed, ...previous ? { previous } : {} }];
  });
}
function restoreImages(atTip, before, after, file) {
  const tipEntries = readImages(atTip, file);
  const entries = changedEntries(before, after).map(({ deployed, previous }) => judgeEntry(deployed, previous, tipEntries.find((e) => e.name === deployed.name)));
  const specs = entries.filter((e) => e.state === "restored").map((e) => e.previous ? parseImageArg(entryArg(e.previous)) : { arg: e.name, name: e.name, remove: true });
  if (specs.length === 0) return { content: atTip, changed: false, entries, images: [] };
  const result = editImages(atTip, specs, file);
  return { content: result.content, changed: result.changed, entries, images: specs.map((s) => s.arg) };
}
function judgeEntry(deployed, previous, tip) {
  const base = { name: deployed.name, deployed, ...previous ? { previous } : {}, ...tip ? { tip } : {} };
  if (!sameEntry(tip, deployed)) {
    const now = tip ? `holds ${formatEntry(tip)}` : "no longer has this entry";
    return { ...base, state: "newer", note: `the branch ${now}, not this run's ${formatEntry(deployed)}: a newer change wins, left as it is` };
  }
  if (previous?.tagSuffix) return { ...base, state: "cannot", note: `its earlier tagSuffix '${previous.tagSuffix}' cannot be written back by the images edit` };
  if (previous && !previous.newName && !previous.newTag && !previous.digest) return { ...base, state: "cannot", note: "its earlier entry set nothing an images argument can write back" };
  return { ...base, state: "restored" };
}

// src/rollback/rollback-message.ts
function describeRestore(restores) {
  const changes = /* @__PURE__ */ new Set();
  for (const entry of restores.flatMap((r) => r.entries.filter((e) => e.state === "restored"))) {
    changes.add(`${entry.name} ${entryValue(entry.deployed)} \u2192 ${entry.previous ? entryValue(entry.previous) : "(removed)"}`);
  }
  return [...changes].join(", ");
}
function rollbackMessage(settings, env, restores, paths, context) {
  const environment = settings.environment || context.environments.join(", ");
  const run2 = runId(env);
  const subject = `rollback(${environment}): ${describeRestore(restores)} (${context.why})${settings.commit.skipCi ? " [skip ci]" : ""}`;
  const left = restores.flatMap((r) => r.entries.filter((e) => e.state !== "restored").map((e) => `- ${e.name}: ${e.note}`));
  const body2 = [`The deploy ${context.rollbackOf.slice(0, 12)} failed; this commit puts back what its images edit changed.`, ...left.length > 0 ? ["", "Left as they are:", ...left] : []];
  const trailers = formatTrailers({
    source: settings.commit.sourceCommit,
    sourceRepository: settings.commit.sourceRepository,
    run: run2,
    environment,
    paths,
    images: restores.flatMap((r) => r.images),
    rollbackOf: context.rollbackOf,
    restoredSources: context.restoredSources
  });
  return `${subject}

${body2.join("\n")}

${trailers.join("\n")}
`;
}

// src/rollback/rollback.ts
function failedTargets(applied) {
  const failed = /* @__PURE__ */ new Map();
  const add = (path10, line) => failed.set(path10, [...failed.get(path10) ?? [], line]);
  for (const t of applied.targets.filter((t2) => t2.state === "failed")) for (const e of t.errors) add(t.path, e);
  for (const r of applied.rollouts.filter((r2) => !r2.ok && r2.path !== void 0)) add(r.path, r.message);
  return failed;
}
function notRollable(settings, commit) {
  if (settings.apply.dryRun !== "none") return "a dry run changes nothing";
  if (!commit.pushed || !commit.commitSha) return "this run pushed no commit (its edit was already on the branch, or it was not committed)";
  return void 0;
}
async function rollBackFailed(ahead, settings, commit, edits, applied) {
  if (!settings.apply.rollback) return void 0;
  const failed = failedTargets(applied);
  const targets = applied.targets.map((t) => ({ path: t.path, outcome: failed.has(t.path) ? "failed" : "deployed", failures: failed.get(t.path) ?? [], entries: [] }));
  const outcome = { targets, commitSha: "", pushed: false, failures: [] };
  if (failed.size === 0) return outcome;
  return group("Rolling back", async () => {
    const why = notRollable(settings, commit);
    if (why) return declined(outcome, why);
    const chosen = edits.filter((e) => failed.has(e.target.rel));
    for (const t of targets.filter((t2) => t2.outcome === "failed" && !chosen.some((e) => e.target.rel === t2.path && e.changed))) t.why = "this run did not change its kustomization";
    await rollBack(ahead, settings, commit, chosen.filter((e) => e.changed), outcome).catch((error2) => {
      outcome.failures.push(`rollback: ${errorMessage(error2)}; nothing more was rolled back`);
    });
    return outcome;
  });
}
function declined(outcome, why) {
  info2(`not rolling back: ${why}`);
  for (const t of outcome.targets.filter((t2) => t2.outcome === "failed")) t.why = why;
  return outcome;
}
async function rollBack(ahead, settings, commit, deployed, outcome) {
  const restores = /* @__PURE__ */ new Map();
  const initial = await Promise.all(deployed.map(async (d) => restoreEdit(d, await readKustomization(d.target.file, d.target.fileRel), restores)));
  const context = {
    rollbackOf: commit.commitSha,
    restoredSources: await sourcesBefore(settings, deployed, commit.commitSha).catch(() => []),
    why: firstWhy(outcome),
    environments: [...new Set(deployed.map((d) => d.environment))]
  };
  const byDir = new Map(deployed.map((d) => [d.target.dir, d]));
  const change2 = {
    remake: (atBase, edit) => restoreEdit(byDir.get(edit.target.dir), atBase, restores),
    message: (edits, paths) => rollbackMessage(settings, process.env, edits.filter((e) => e.changed).map((e) => restores.get(e.target.dir)), paths, context),
    guarded: false
  };
  if (initial.some((e) => e.changed)) {
    const verify = verifyRollback(ahead, deployed.map((d) => d.target), commit.commitSha);
    const pushed = await pushChange(settings, initial, change2, verify).catch((error2) => error2);
    if (pushed instanceof Error) return refused(outcome, deployed, restores, pushed);
    outcome.commitSha = pushed.pushed ? pushed.commitSha : "";
    outcome.pushed = pushed.pushed;
  }
  settle(outcome, deployed, restores);
  if (!outcome.pushed) return;
  info2(`rollback commit ${outcome.commitSha} pushed; applying the rolled-back target(s) with a timeout of their own`);
  const rolled = ahead.targets.filter((t) => outcome.targets.some((o) => o.path === t.rel && o.outcome === "rolled-back"));
  outcome.apply = await applyTargets(ahead.cluster, rolled, /* @__PURE__ */ new Map());
  outcome.failures.push(...outcome.apply.failures.map((f) => `rollback: ${f}`));
  if (outcome.apply.failures.length > 0) info2("the rollback did not bring every rolled-back target back to ready: the failure may not come from this run's images edit; left as it is (no rollback of a rollback)");
}
function restoreEdit(deployed, text3, restores) {
  const restore = restoreImages(text3, deployed.before, deployed.after, deployed.target.fileRel);
  restores.set(deployed.target.dir, restore);
  return { target: deployed.target, environment: deployed.environment, original: text3, content: restore.content, changed: restore.changed, before: readImages(text3, deployed.target.fileRel), after: readImages(restore.content, deployed.target.fileRel) };
}
function settle(outcome, deployed, restores) {
  for (const d of deployed) {
    const t = outcome.targets.find((t2) => t2.path === d.target.rel);
    const restore = restores.get(d.target.dir);
    t.entries = restore.entries;
    if (restore.changed && outcome.pushed) t.outcome = "rolled-back";
    else t.why = restore.entries.map((e) => `${e.name}: ${e.note ?? "the branch already holds what it held before this run"}`).join("; ");
    const line = t.outcome === "rolled-back" ? `${t.path}: rolled back` : `${t.path}: not rolled back: ${t.why}`;
    for (const e of restore.entries.filter((e2) => e2.state !== "restored" || t.outcome !== "rolled-back")) info2(oneLine(`${t.path}: ${e.name}: ${e.note ?? "not restored"}`));
    info2(oneLine(line));
  }
}
function refused(outcome, deployed, restores, error2) {
  const why = `the rollback commit was not pushed: ${errorMessage(error2).replace(/; nothing was pushed$/, "")}`;
  for (const d of deployed) {
    const t = outcome.targets.find((t2) => t2.path === d.target.rel);
    t.entries = restores.get(d.target.dir)?.entries ?? [];
    t.why = why;
  }
  outcome.failures.push(`rollback: ${why}; nothing was rolled back`);
}
function firstWhy(outcome) {
  const line = outcome.targets.find((t) => t.outcome === "failed")?.failures[0] ?? "the deploy failed";
  return line.replace(/ \(.*$/, "").replace(/^[^:]*: kubectl apply failed: /, "kubectl apply failed: ");
}

// src/render/render.ts
var RenderError = class extends Error {
  constructor(failures) {
    super(failures.map((f) => `${f.target.rel}: kubectl kustomize failed: ${f.message}`).join("\n"));
    this.failures = failures;
    this.name = "RenderError";
  }
  failures;
};
async function renderAll(kubectl, targets) {
  const failures = [];
  const rendered = await mapLimit(targets, async (target) => {
    try {
      return await kubectl.kustomize(target.dir);
    } catch (error2) {
      failures.push({ target, message: errorMessage(error2) });
      return "";
    }
  });
  if (failures.length > 0) throw new RenderError(failures.sort((a, b) => targets.indexOf(a.target) - targets.indexOf(b.target)));
  return new Map(targets.map((t, i) => [t.dir, rendered[i]]));
}

// src/render/unmatched.ts
var IMAGE_KEY = /^ *(?:- +)?image: *(.*)$/gm;
function renderedImages(render) {
  const found = [];
  for (const text3 of splitDocuments(render)) {
    const doc = readDocument(text3);
    found.push(...doc.id?.kind === "List" ? objectContainers(parseOrUndefined(text3)).map((c) => c.image).filter(Boolean) : doc.images);
  }
  for (const m of render.matchAll(IMAGE_KEY)) {
    const value = simpleScalar(m[1]);
    if (value) found.push(value);
  }
  return [...new Set(found)];
}
function producedBy(entry, image) {
  const { name, tag, digest: digest2 } = splitImage(image);
  if (name !== (entry.newName || entry.name)) return false;
  if (entry.newTag && tag !== entry.newTag) return false;
  if (entry.digest && digest2 !== entry.digest) return false;
  if (entry.newTag && !entry.digest && digest2 !== void 0) return false;
  if (entry.digest && !entry.newTag && tag !== void 0) return false;
  return true;
}
function checkArguments(specs, targets) {
  return specs.map((spec) => {
    const holds = (t) => {
      const entry = t.after.find((e) => e.name === spec.name) ?? { name: spec.name };
      return t.images.some((image) => producedBy(entry, image));
    };
    return { spec, matched: targets.filter(holds), missed: targets.filter((t) => !holds(t)) };
  });
}
var lastSegment = (name) => name.slice(name.lastIndexOf("/") + 1);
function editDistance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length];
}
function distance(argName, name) {
  const [a, b] = [lastSegment(argName), lastSegment(name)];
  if (a === b) return 0;
  if (name.endsWith(`/${argName}`) || argName.endsWith(`/${name}`)) return 1;
  return 1 + editDistance(a, b);
}
var nearEnough = (argName, name) => distance(argName, name) <= 1 + Math.max(2, Math.floor(lastSegment(argName).length / 3));
function nearestImages(spec, targets) {
  const images = [...new Set(targets.flatMap((t) => t.images))];
  const rank = (image) => distance(spec.name, splitImage(image).name);
  images.sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  const origin = (name) => targets.flatMap((t) => t.after).find((e) => e.newName === name && e.name !== spec.name)?.name ?? name;
  const names = [...new Set(images.map((i) => splitImage(i).name).filter((n) => n !== spec.name && nearEnough(spec.name, n)).map(origin))];
  return { images, names };
}
function suggestions(spec, name) {
  const rest = (spec.newTag !== void 0 ? `:${spec.newTag}` : "") + (spec.digest !== void 0 ? `@${spec.digest}` : "");
  if (spec.newName !== void 0) return [`${name}=${spec.newName}${rest}`];
  return [`${name}=*${rest}`, `${name}${rest}`];
}
var MAX_LISTED = 5;
function unmatchedMessage(check) {
  const { spec, missed } = check;
  const { images, names } = nearestImages(spec, missed);
  const listed = images.length === 0 ? "none" : images.slice(0, MAX_LISTED).join(", ") + (images.length > MAX_LISTED ? ` (and ${images.length - MAX_LISTED} more)` : "");
  const hint = names.length > 0 ? ` \u2014 did you mean ${suggestions(spec, names[0]).join(" or ")}?` : "";
  return `images: '${spec.arg}' matches no container in ${missed.map((t) => t.rel).join(", ")}; rendered images: ${listed}${hint}`;
}
function partialMessage(check, target) {
  const elsewhere = check.matched.map((t) => t.rel);
  const shown = elsewhere.slice(0, 3).join(", ") + (elsewhere.length > 3 ? ` and ${elsewhere.length - 3} more` : "");
  return `images: '${check.spec.arg}' matches no container in ${target.rel} (it does in ${shown}); this target keeps its images`;
}

// src/render/unmatched-check.ts
function startRender(kubectl, targets, unchanged) {
  return unchanged ? Promise.resolve(unchanged) : renderAll(kubectl, targets);
}
async function renderAndCheck(rendering, edits, specs, mode) {
  const rendered = await rendering;
  checkImages(specs, edits, rendered, mode);
  return rendered;
}
function checkImages(specs, edits, rendered, mode) {
  if (specs.length === 0) return;
  const targets = edits.map((e) => ({
    rel: e.target.rel,
    fileRel: e.target.fileRel,
    after: e.after,
    images: renderedImages(rendered.get(e.target.dir) ?? "")
  }));
  const checks = checkArguments(specs, targets);
  const nowhere = [];
  for (const check of checks) {
    if (check.matched.length === 0) nowhere.push(unmatchedMessage(check));
    else for (const t of check.missed) warning(partialMessage(check, t), { file: t.fileRel });
  }
  const matched = checks.filter((c) => c.matched.length > 0).length;
  info2(`${matched} of ${checks.length} image argument(s) found in the render`);
  if (nowhere.length === 0) return;
  if (mode === "error") throw new FailureList(nowhere);
  for (const line of nowhere) warning(`${line} (unmatched: warn)`, targets.length === 1 ? { file: targets[0].fileRel } : {});
}

// src/registry/credentials.ts
import { readFile as readFile4 } from "node:fs/promises";
import { homedir as homedir2 } from "node:os";
import * as path8 from "node:path";

// src/registry/reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API = "registry-1.docker.io";
var DOCKER_HUB_LOGIN = "https://index.docker.io/v1/";
function parseReference(text3) {
  const { name, tag, digest: digest2 } = splitImage(text3);
  if (tag === void 0 && digest2 === void 0) return void 0;
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  const hasRegistry = first !== "" && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase());
  let registry = hasRegistry ? first : DOCKER_HUB;
  let repository = hasRegistry ? name.slice(slash + 1) : name;
  if (registry === "index.docker.io") registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes("/")) repository = `library/${repository}`;
  const ref = { text: text3, registry, apiHost: registry === DOCKER_HUB ? DOCKER_HUB_API : registry, repository };
  if (tag !== void 0) ref.tag = tag;
  if (digest2 !== void 0) ref.digest = digest2;
  return ref;
}
function manifestReference(ref) {
  return ref.digest ?? ref.tag ?? "latest";
}
function hostname(host) {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  const colon = host.lastIndexOf(":");
  return colon >= 0 && host.indexOf(":") === colon ? host.slice(0, colon) : host;
}
function isLoopback(host) {
  const name = hostname(host).toLowerCase();
  return name === "localhost" || name.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(name) || name === "::1";
}
function loginHosts(registry) {
  return registry === DOCKER_HUB ? ["index.docker.io", DOCKER_HUB, DOCKER_HUB_API] : [registry];
}
function keyHost(key2) {
  return key2.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split("/")[0].toLowerCase();
}
function helperServerUrl(registry) {
  return registry === DOCKER_HUB ? DOCKER_HUB_LOGIN : registry;
}

// src/registry/credentials.ts
async function readDockerConfig(env = process.env) {
  const dir = env.DOCKER_CONFIG || path8.join(env.HOME || homedir2(), ".docker");
  const file = path8.join(dir, "config.json");
  let text3;
  try {
    text3 = await readFile4(file, "utf8");
  } catch {
    return { file, exists: false, auths: {}, credHelpers: {} };
  }
  let parsed;
  try {
    parsed = JSON.parse(text3);
  } catch (error2) {
    throw new Error(`${file} is not valid JSON (${errorMessage(error2)})`);
  }
  return { file, exists: true, auths: parsed.auths ?? {}, credHelpers: parsed.credHelpers ?? {}, credsStore: parsed.credsStore || void 0 };
}
function byHost(map, hosts) {
  for (const host of hosts) {
    const hit = Object.entries(map).find(([key2]) => keyHost(key2) === host);
    if (hit) return hit;
  }
  return void 0;
}
async function credentialFor(registry, config, helper) {
  const hosts = loginHosts(registry.toLowerCase());
  const named = byHost(config.credHelpers, hosts);
  if (named) {
    const found = await fromHelper(named[1], `credHelpers["${named[0]}"] in ${config.file}`, registry, helper);
    if (found) return found;
  }
  if (config.credsStore) {
    const found = await fromHelper(config.credsStore, `credsStore in ${config.file}`, registry, helper);
    if (found) return found;
  }
  const entry = byHost(config.auths, hosts);
  return entry ? fromAuths(entry[0], entry[1], config.file) : void 0;
}
async function fromHelper(name, where2, registry, helper) {
  const source = `docker-credential-${name} (${where2})`;
  let answer;
  try {
    answer = await helper(name, helperServerUrl(registry));
  } catch (error2) {
    throw new Error(`${source} failed: ${errorMessage(error2)}`);
  }
  if (!answer || answer.secret === "") return void 0;
  setSecret(answer.secret);
  if (answer.username === "<token>") return { source, identityToken: answer.secret };
  return { source, username: answer.username, password: answer.secret };
}
function fromAuths(key2, entry, file) {
  const source = `auths["${key2}"] in ${file}`;
  let { username, password } = entry;
  if (entry.auth) {
    setSecret(entry.auth);
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new Error(`${source}: "auth" is not base64 of user:password`);
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  if (entry.identitytoken) {
    setSecret(entry.identitytoken);
    return { source, username, identityToken: entry.identitytoken };
  }
  if (!password) return void 0;
  setSecret(password);
  return { source, username: username ?? "", password };
}
function helperRunner(timeoutMs, env = process.env, signal) {
  return async (name, serverUrl) => {
    const binary = `docker-credential-${name}`;
    let result;
    try {
      result = await runProcess(binary, ["get"], { env: childEnvironment({}, env), input: serverUrl, timeoutMs, signal });
    } catch (error2) {
      const code4 = error2.code;
      throw new Error(code4 === "ENOENT" ? `${binary} is not on PATH` : errorMessage(error2));
    }
    if (result.code !== 0) {
      if (/credentials not found/i.test(`${result.stderr}
${result.stdout}`)) return void 0;
      const said = result.stderr.trim().split("\n")[0];
      const shown = /secret|password|token/i.test(said) ? "(its output is not shown: it may hold a secret)" : said ? said.slice(0, 200) : "(nothing on stderr)";
      throw new Error(result.killed ? `no answer within ${Math.round(timeoutMs / 1e3)} s` : `exit code ${result.code}: ${shown}`);
    }
    let parsed;
    try {
      parsed = JSON.parse(result.stdout);
    } catch {
      throw new Error("it did not print the JSON the credential helper protocol expects");
    }
    return { username: parsed.Username ?? "", secret: parsed.Secret ?? "" };
  };
}

// src/registry/manifest.ts
import { createHash as createHash2 } from "node:crypto";

// src/registry/http.ts
import { request as httpRequest } from "node:http";
import { Agent, request as httpsRequest } from "node:https";
import * as tls from "node:tls";
var TransportError = class extends Error {
  constructor(message, kind) {
    super(message);
    this.kind = kind;
    this.name = "TransportError";
  }
  kind;
};
var MAX_BODY = 4 * 1024 * 1024;
var systemAgent;
function withSystemCAs() {
  const get = tls.getCACertificates;
  if (!get) return void 0;
  if (systemAgent) return systemAgent;
  let system;
  try {
    system = get("system");
  } catch {
    return void 0;
  }
  systemAgent = new Agent({ keepAlive: true, ca: [.../* @__PURE__ */ new Set([...get("default"), ...system])] });
  return systemAgent;
}
var UNTRUSTED = /^(UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_UNTRUSTED)$/;
var TLS_CODES = /CERT|SSL|TLS|HOSTNAME|EPROTO/;
function describe(error2, url, timeoutMs, timedOut2) {
  const host = url.host;
  if (timedOut2) return new TransportError(`no answer from ${host} within ${seconds(timeoutMs)} (KID_REGISTRY_TIMEOUT)`, "timeout");
  const code4 = error2.code ?? "";
  if (UNTRUSTED.test(code4) || /CERT|HOSTNAME|ALTNAME/.test(code4)) {
    return new TransportError(`TLS with ${host} failed (${code4}); a private CA goes in NODE_EXTRA_CA_CERTS`, "untrusted");
  }
  if (TLS_CODES.test(code4) || code4 === "ECONNRESET") return new TransportError(`TLS with ${host} failed (${code4 || error2.message})`, "handshake");
  if (code4 === "ENOTFOUND" || code4 === "EAI_AGAIN") return new TransportError(`${url.hostname} does not resolve (${code4})`, "network");
  if (code4 === "ECONNREFUSED") return new TransportError(`${host} refused the connection`, "network");
  return new TransportError(`${host} could not be reached (${code4 || error2.message})`, "network");
}
async function send(req) {
  const transport = (error2) => error2 instanceof TransportError ? error2 : describe(error2, req.url, req.timeoutMs, false);
  try {
    return await sendWith(req);
  } catch (error2) {
    const agent = UNTRUSTED.test(error2.code ?? "") ? withSystemCAs() : void 0;
    if (!agent) throw transport(error2);
    return sendWith(req, agent).catch((again) => {
      throw transport(again);
    });
  }
}
function sendWith(req, agent) {
  return new Promise((resolve4, reject) => {
    const secure = req.url.protocol === "https:";
    const headers = { "user-agent": "kustomize-image-deploy", ...req.headers, ...req.body !== void 0 ? { "content-length": String(Buffer.byteLength(req.body)) } : {} };
    const options = { method: req.method, headers, signal: req.signal, ...secure && agent ? { agent } : {} };
    let timedOut2 = false;
    const call2 = (secure ? httpsRequest : httpRequest)(req.url, options, (res) => {
      const chunks = [];
      let size = 0;
      res.on("data", (chunk) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
        else call2.destroy(new Error(`the answer from ${req.url.host} is larger than ${MAX_BODY} bytes`));
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve4({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on("error", () => void 0);
    });
    const timer = setTimeout(() => {
      timedOut2 = true;
      call2.destroy(new Error("timeout"));
    }, req.timeoutMs);
    call2.on("error", (error2) => {
      clearTimeout(timer);
      if (timedOut2) reject(describe(error2, req.url, req.timeoutMs, true));
      else reject(error2);
    });
    call2.end(req.body);
  });
}

// src/registry/challenge.ts
var UnansweredError = class extends Error {
  name = "UnansweredError";
};
function parseChallenge(header3) {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header3 ?? "");
  if (!match) return void 0;
  const params = {};
  for (const p of match[2].matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) params[p[1].toLowerCase()] = (p[2] ?? p[3] ?? "").replace(/\\(.)/g, "$1");
  return { scheme: match[1].toLowerCase(), params };
}
async function authorize(challenge, req) {
  const { credential } = req;
  if (challenge.scheme === "basic") {
    if (!credential?.password) return void 0;
    const basic = Buffer.from(`${credential.username ?? ""}:${credential.password}`).toString("base64");
    setSecret(basic);
    return `Basic ${basic}`;
  }
  if (challenge.scheme !== "bearer") throw new UnansweredError(`registry ${req.registry} asks for ${challenge.scheme} authentication, which is not supported`);
  const token = await fetchToken(challenge, req);
  setSecret(token);
  return `Bearer ${token}`;
}
async function fetchToken(challenge, req) {
  const realm = parseRealm(challenge, req.registry);
  const { credential } = req;
  const scope = challenge.params.scope || `repository:${req.repository}:pull`;
  const service = challenge.params.service ?? "";
  if (credential && realm.protocol !== "https:" && !isLoopback(realm.host)) {
    throw new UnansweredError(`registry ${req.registry} sends logins to ${realm.origin}, which is not https: the credentials from ${credential.source} were not sent`);
  }
  const answer = await tokenRequest(realm, service, scope, req).catch((error2) => {
    if (error2 instanceof TransportError) throw new UnansweredError(`the token service of registry ${req.registry} (${realm.origin}): ${error2.message}`);
    throw error2;
  });
  if (answer.status === 401 || answer.status === 403) {
    const whose = credential ? `refused the credentials from ${credential.source}` : "refused an anonymous token";
    throw new UnansweredError(`the token service of registry ${req.registry} (${realm.origin}${realm.pathname}) ${whose} (HTTP ${answer.status})`);
  }
  if (answer.status !== 200) throw new UnansweredError(`the token service of registry ${req.registry} (${realm.origin}${realm.pathname}) answered HTTP ${answer.status}`);
  let body2;
  try {
    body2 = JSON.parse(answer.body.toString("utf8"));
  } catch {
    throw new UnansweredError(`the token service of registry ${req.registry} (${realm.origin}${realm.pathname}) answered something other than JSON`);
  }
  const token = body2.token || body2.access_token;
  if (!token) throw new UnansweredError(`the token service of registry ${req.registry} gave no token`);
  return token;
}
function parseRealm(challenge, registry) {
  try {
    return new URL(challenge.params.realm ?? "");
  } catch {
    throw new UnansweredError(`registry ${registry} named no usable token realm ('${challenge.params.realm ?? ""}')`);
  }
}
function tokenRequest(realm, service, scope, req) {
  const { credential, timeoutMs, signal } = req;
  if (credential?.identityToken) {
    const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: credential.identityToken, service, scope, client_id: "kustomize-image-deploy" });
    return send({ method: "POST", url: realm, headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString(), timeoutMs, signal });
  }
  const url = new URL(realm);
  if (service) url.searchParams.set("service", service);
  url.searchParams.set("scope", scope);
  const headers = {};
  if (credential?.password) {
    const basic = Buffer.from(`${credential.username ?? ""}:${credential.password}`).toString("base64");
    setSecret(basic);
    headers.authorization = `Basic ${basic}`;
  }
  return send({ method: "GET", url, headers, timeoutMs, signal });
}

// src/registry/manifest.ts
var MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
var MissingError = class extends Error {
  name = "MissingError";
};
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_HOPS = 5;
async function lookupDigest(req) {
  const session = { req, base: new URL(`https://${req.ref.apiHost}`) };
  const head = await ask(session, "HEAD");
  const digest2 = head.headers["docker-content-digest"];
  if (head.status === 200 && typeof digest2 === "string" && digest2) return digest2;
  const got = await ask(session, "GET");
  if (got.status === 404) throw missing(req.ref, got);
  if (got.status !== 200) throw unexpected(session, got);
  const header3 = got.headers["docker-content-digest"];
  return typeof header3 === "string" && header3 ? header3 : `sha256:${createHash2("sha256").update(got.body).digest("hex")}`;
}
async function ask(session, method) {
  const first = await request(session, method);
  if (first.status !== 401 || session.authorization) return refusedOr(session, first);
  const challenge = parseChallenge(header2(first, "www-authenticate"));
  if (!challenge) throw new UnansweredError(`registry ${session.req.ref.registry} answered 401 without saying how to authenticate`);
  const own = challenge.scheme !== "basic" || session.answeredBy === session.req.ref.apiHost;
  const credential = own ? await session.req.credential() : void 0;
  session.authorization = await authorize(challenge, { registry: session.req.ref.registry, repository: session.req.ref.repository, credential, timeoutMs: session.req.timeoutMs, signal: session.req.signal });
  session.authHost = session.answeredBy;
  if (!session.authorization) throw noCredentials(session);
  return refusedOr(session, await request(session, method), credential);
}
function refusedOr(session, answer, credential) {
  if (answer.status !== 401 && answer.status !== 403) return answer;
  const { registry } = session.req.ref;
  if (!credential) throw noCredentials(session, answer.status);
  throw new UnansweredError(`registry ${registry} refused the credentials from ${credential.source} for ${session.req.ref.repository} (HTTP ${answer.status}${errorCode(answer)})`);
}
function noCredentials(session, status = 401) {
  const { registry, repository } = session.req.ref;
  return new UnansweredError(`registry ${registry} wants credentials for ${repository} (HTTP ${status}) and none were found in ${session.req.searched}: log in to ${registry} before this step`);
}
async function request(session, method) {
  let url = new URL(`/v2/${session.req.ref.repository}/manifests/${manifestReference(session.req.ref)}`, session.base);
  for (let hop = 0; ; hop++) {
    const answer = await sendOnce(session, method, url);
    const location = header2(answer, "location");
    if (!REDIRECTS.has(answer.status) || !location || hop === MAX_HOPS) {
      session.answeredBy = url.host;
      return answer;
    }
    url = new URL(location, url);
  }
}
async function sendOnce(session, method, url) {
  const { ref, timeoutMs, signal } = session.req;
  const carry = session.authorization && url.host === session.authHost && (url.protocol === "https:" || isLoopback(url.host));
  const headers = { accept: MANIFEST_TYPES.join(", "), ...carry ? { authorization: session.authorization } : {} };
  try {
    return await send({ method, url, headers, timeoutMs, signal });
  } catch (error2) {
    if (!(error2 instanceof TransportError)) throw error2;
    if (url.protocol === "https:" && url.host === ref.apiHost && isLoopback(ref.apiHost) && error2.kind === "handshake") {
      const plain = new URL(url);
      plain.protocol = "http:";
      const answer = await send({ method, url: plain, headers, timeoutMs, signal }).catch(() => void 0);
      if (answer) {
        session.base = new URL(`http://${ref.apiHost}`);
        return answer;
      }
    }
    const where2 = url.host === ref.apiHost ? "" : ` (redirected to ${url.host})`;
    throw new UnansweredError(`registry ${ref.registry} could not be asked${where2}: ${error2.message}`);
  }
}
function header2(answer, name) {
  const value = answer.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
function errorCode(answer) {
  try {
    const code4 = JSON.parse(answer.body.toString("utf8")).errors?.[0]?.code;
    return code4 ? ` ${code4}` : "";
  } catch {
    return "";
  }
}
function missing(ref, answer) {
  const code4 = errorCode(answer).trim();
  const why = code4 === "NAME_UNKNOWN" ? "repository unknown" : code4 === "MANIFEST_UNKNOWN" || code4 === "" ? "manifest unknown" : code4.toLowerCase().replace(/_/g, " ");
  return new MissingError(`images: '${ref.text}' is not in registry ${ref.registry} (${why}): was it pushed?`);
}
function unexpected(session, answer) {
  return new UnansweredError(`registry ${session.req.ref.registry} answered HTTP ${answer.status}${errorCode(answer)} for ${session.req.ref.repository}`);
}

// src/registry/lookups.ts
function entryReference(entry) {
  return (entry.newName ?? entry.name) + (entry.newTag ? `:${entry.newTag}` : "") + (entry.digest ? `@${entry.digest}` : "");
}
function specReference(edit, spec) {
  const entry = edit.after.find((e) => e.name === spec.name);
  return entry ? parseReference(entryReference(entry)) : void 0;
}
function referencesOf(edits, specs) {
  const refs = /* @__PURE__ */ new Map();
  for (const spec of specs) {
    for (const edit of edits) {
      const ref = specReference(edit, spec);
      if (ref && !refs.has(ref.text)) refs.set(ref.text, ref);
    }
  }
  return [...refs.values()];
}
async function lookUpAll(refs, timeoutMs, signal, env = process.env) {
  const config = readDockerConfig(env);
  const helper = helperRunner(timeoutMs, env, signal);
  const credentials = /* @__PURE__ */ new Map();
  const credential = (registry) => () => {
    if (!credentials.has(registry)) credentials.set(registry, config.then((c) => credentialFor(registry, c, helper)));
    return credentials.get(registry);
  };
  const searched = config.then(
    (c) => c.exists ? c.file : `${c.file} (there is none)`,
    () => ""
  );
  return Promise.all(
    refs.map(async (ref) => {
      try {
        return { ref, digest: await lookupDigest({ ref, credential: credential(ref.registry), searched: await searched, timeoutMs, signal }) };
      } catch (error2) {
        if (error2 instanceof MissingError) return { ref, missing: error2.message };
        return { ref, unanswered: errorMessage(error2) };
      }
    })
  );
}

// src/registry/verify-images.ts
function startVerifying(settings, edits, specs) {
  if (settings.verify === "false") return void 0;
  const refs = referencesOf(edits, specs);
  if (refs.length === 0) return void 0;
  const controller = new AbortController();
  return { checks: lookUpAll(refs, timeouts().registryMs, controller.signal), stop: () => controller.abort() };
}
async function checkVerified(settings, verifying) {
  const checks = verifying ? await verifying.checks : [];
  setOutput("digests", JSON.stringify(Object.fromEntries(checks.filter((c) => c.digest).map((c) => [c.ref.text, c.digest]))));
  if (!verifying) {
    info2(settings.verify === "false" ? "verify-images: false: images not looked up" : "no image with a tag or digest to look up");
    return;
  }
  const failures = [];
  for (const check of checks) {
    if (check.digest) info2(`${check.ref.text}: ${check.digest} (registry ${check.ref.registry})`);
    else if (check.missing) failures.push(check.missing);
    else if (settings.verify === "true") failures.push(`images: '${check.ref.text}' could not be verified: ${check.unanswered} (verify-images: true)`);
    else warning(unverifiedWarning(check));
  }
  const found = checks.filter((c) => c.digest).length;
  info2(`${found} of ${checks.length} image(s) found in their registries`);
  if (failures.length > 0) throw new FailureList(failures);
}
function unverifiedWarning(check) {
  return `images: '${check.ref.text}' was not verified: ${check.unanswered}; proceeding (verify-images: auto). Log in to the registry before this step, or set verify-images: false`;
}
async function pinDigests(settings, edits, specs, verifying) {
  if (!settings.pin || !verifying) return edits;
  return group("Pinning digests", () => pinEach(edits, specs, verifying.checks));
}
async function pinEach(edits, specs, verifying) {
  const checks = new Map((await verifying).map((c) => [c.ref.text, c]));
  const missing2 = [...checks.values()].filter((c) => c.missing).map((c) => c.missing);
  if (missing2.length > 0) throw new FailureList(missing2);
  return edits.map((edit) => {
    const pinned = specs.map((spec) => pinSpec(edit, spec, checks));
    const result = editImages(edit.original, pinned, edit.target.fileRel);
    for (const warning2 of result.warnings.filter((w) => !(edit.warnings ?? []).includes(w))) warning(warning2, { file: edit.target.fileRel });
    return { ...edit, content: result.content, changed: result.changed, before: result.before, after: result.after, warnings: result.warnings, specs: pinned };
  });
}
function pinSpec(edit, spec, checks) {
  const check = spec.digest === void 0 ? checks.get(specReference(edit, spec)?.text ?? "") : void 0;
  if (!check?.digest) {
    return { ...spec, pin: void 0 };
  }
  info2(`${edit.target.fileRel}: ${spec.name} pinned to ${check.ref.text}@${shortDigest(check.digest)}`);
  return { arg: `${spec.arg}@${check.digest}`, name: spec.name, ...spec.newName !== void 0 ? { newName: spec.newName } : {}, ...spec.newTag !== void 0 ? { newTag: spec.newTag } : {}, digest: check.digest };
}

// src/rollback/rollback-summary.ts
var code3 = (s) => code(s, true);
function rollbackOutputs(rollback, apply) {
  const outputs2 = { "rolled-back": String(rollback?.pushed ?? false), "rollback-sha": rollback?.commitSha ?? "" };
  if (!rollback || !apply) return outputs2;
  const resources = apply.resources.map((r) => {
    const t = rollback.targets.find((t2) => t2.path === r.path);
    return t ? { ...r, outcome: t.outcome, ...t.why ? { why: t.why } : {} } : r;
  });
  for (const r of rollback.apply?.resources ?? []) resources.push({ ...r, rollback: true });
  return { ...outputs2, resources: JSON.stringify(resources) };
}
var entryLine = (e) => e.state === "restored" ? `${code3(e.name)} ${code3(entryValue(e.deployed))} \u2192 ${e.previous ? code3(entryValue(e.previous)) : "removed"}` : `${code3(e.name)} left: ${text(e.note ?? "")}`;
function targetCell2(t) {
  const entries = t.entries.map(entryLine).join("<br>");
  const failures = t.failures.map((f) => text(f.replace(`${t.path}: `, ""))).join("<br>");
  switch (t.outcome) {
    case "deployed":
      return "\u2705 deployed";
    case "rolled-back":
      return `\u21A9\uFE0F **failed, rolled back** \u2014 ${failures}<br>${entries}`;
    case "failed":
      return `\u274C **failed, not rolled back** \u2014 ${failures}<br>not rolled back: ${text(t.why ?? "")}${entries ? `<br>${entries}` : ""}`;
  }
}
function backMarkdown(apply) {
  const out = [];
  for (const r of apply.rollouts) out.push(`- ${r.ok ? "\u2705" : "\u274C"} ${code3(`${r.kind.toLowerCase()}/${r.name}`)} (${code3(r.namespace)}): ${text(r.message)}`);
  if (apply.failures.length === 0) return [...out, "", "**The cluster is back and ready** at the rolled-back images.", ""];
  out.push("", "**The rollback did not bring the cluster back to ready**: the failure may not come from this run's images edit. Left as it is (no rollback of a rollback).", "");
  for (const f of apply.failures) out.push(`- ${text(f)}`);
  return [...out, ""];
}
function rollbackMarkdown(rollback, branch) {
  const out = ["### Rollback", ""];
  const on = branch ? ` on ${code3(branch)}` : "";
  if (rollback.pushed) out.push(`Pushed the rollback commit ${code3(rollback.commitSha.slice(0, 12))}${on}: this run's images edit of the failed targets is reverted in git. The run still fails.`, "");
  else if (rollback.targets.some((t) => t.outcome === "failed")) out.push("No rollback commit was made.", "");
  out.push("| target | outcome |", "| --- | --- |");
  for (const t of rollback.targets) out.push(`| ${code3(t.path)} | ${targetCell2(t)} |`);
  out.push("");
  for (const f of rollback.failures.filter(() => !rollback.apply)) out.push(`**Failed**: ${text(f)}`, "");
  if (rollback.apply) out.push(...backMarkdown(rollback.apply));
  return out.join("\n");
}

// src/report.ts
function imagesJson(edits) {
  return JSON.stringify(
    edits.map((e) => ({ path: e.target.rel, file: e.target.fileRel, environment: e.environment, changed: e.changed, images: e.after }))
  );
}
function imageRows(edit) {
  const names = [...new Set([...edit.before, ...edit.after].map((i) => i.name))];
  const find = (list4, name) => list4.find((i) => i.name === name);
  return names.map((name) => {
    const before = formatEntry(find(edit.before, name));
    const after = formatEntry(find(edit.after, name));
    return [name, text(before), before === after ? text(after) : `**${text(after)}**`];
  });
}
function commitMarkdown(commit) {
  const sha = code(commit.commitSha.slice(0, 12));
  const branch = commit.branch ? ` on ${code(commit.branch)}` : "";
  if (commit.skipped && commit.refused) return [commit.refused, ""];
  if (commit.pullRequest) return pullRequestMarkdown(commit);
  if (commit.stale) return [`**Refused as out of order** \u2014 nothing pushed or applied. ${text(commit.refused ?? "")}`.trim(), ""];
  if (commit.pushed) return [`Pushed ${sha}${branch}${commit.retries ? ` after ${commit.retries} retried push(es)` : ""}.`, ""];
  if (commit.commitSha) return [`Already deployed: ${sha}${branch} holds this edit; nothing pushed.`, ""];
  return [];
}
function pullRequestMarkdown(commit) {
  const pr = commit.pullRequest;
  const link = pr.number ? `[#${pr.number}](${pr.url})` : "no open pull request";
  const what = pr.operation === "unchanged" ? `The base branch already holds this edit: nothing pushed (${link}).` : `Pull request ${link} ${pr.operation} from ${code(commit.branch ?? "")} (${commit.pushed ? `pushed ${code(commit.commitSha.slice(0, 12))}` : "deploy branch already up to date"}).`;
  return [what, "Nothing applied: the change reaches the cluster when the pull request is merged.", ""];
}
var STEP_SUMMARY_LIMIT = 1024 * 1024 - 1024;
var bytes = (s) => Buffer.byteLength(s, "utf8");
function cutMarkdown(markdown, limit) {
  if (bytes(markdown) <= limit) return markdown;
  const note = "\n\n_\u2026 cut here: a job summary is limited to 1 MiB._\n";
  const room = Math.max(0, limit - bytes(note));
  const head = Buffer.from(markdown, "utf8").subarray(0, room).toString("utf8").replace(/\uFFFD$/, "");
  const line = head.lastIndexOf("\n");
  return (line > 0 ? head.slice(0, line) : head) + note;
}
function summaryMarkdown(outcome, limit = STEP_SUMMARY_LIMIT) {
  const out = ["## Kustomize Image Deploy", ""];
  for (const edit of outcome.edits) {
    out.push(`### ${text(edit.environment)} \u2014 ${code(edit.target.fileRel)} ${edit.changed ? "(changed)" : "(unchanged)"}`, "");
    const rows = imageRows(edit);
    if (rows.length === 0) {
      out.push("_no images entries_", "");
      continue;
    }
    out.push("| image | before | after |", "| --- | --- | --- |");
    for (const [name, before, after] of rows) out.push(`| ${code(name, true)} | ${before} | ${after} |`);
    out.push("");
  }
  if (outcome.commit) out.push(...commitMarkdown(outcome.commit));
  if (outcome.apply) out.push(applyMarkdown(outcome.apply));
  if (outcome.rollback?.targets.some((t) => t.outcome !== "deployed")) out.push(rollbackMarkdown(outcome.rollback, outcome.commit?.branch));
  if (outcome.notApplied) out.push(outcome.notApplied, "");
  const fixed = cutMarkdown(out.join("\n"), outcome.preview ? limit - 256 : limit);
  if (!outcome.preview) return fixed;
  const left = limit - bytes(fixed) - 1 - outcome.preview.environments.length;
  if (left < 2048) return fixed + "\n_The rendered diff does not fit in the job summary (1 MiB); see the `diff` output._\n";
  return fixed + "\n" + summarySection(outcome.preview.environments, left);
}
function failedOutputs(commit) {
  setOutput("pushed", String(commit?.pushed ?? false));
  setOutput("stale", String(commit?.stale ?? false));
  setOutput("applied", "false");
  if (!commit?.pushed || !commit.commitSha) return void 0;
  setOutput("commit-sha", commit.commitSha);
  return `commit ${commit.commitSha} was pushed${commit.branch ? ` to ${commit.branch}` : ""} before this failure: git holds this run's edit; the log above says what reached the cluster`;
}
async function report(outcome) {
  const changed = outcome.edits.filter((e) => e.changed);
  const outputs2 = {
    changed: String(changed.length > 0),
    "changed-files": changed.map((e) => e.target.fileRel).join("\n"),
    images: imagesJson(outcome.edits),
    "commit-sha": outcome.commit?.commitSha ?? "",
    pushed: String(outcome.commit?.pushed ?? false),
    stale: String(outcome.commit?.stale ?? false),
    ...applyOutputs(outcome.apply),
    ...rollbackOutputs(outcome.rollback, outcome.apply),
    diff: outcome.preview ? diffText(outcome.preview.environments, DIFF_OUTPUT_LIMIT) : "",
    "comment-url": outcome.preview?.comments.map((c) => c.url).join("\n") ?? "",
    "pull-request-number": outcome.commit?.pullRequest?.number ? String(outcome.commit.pullRequest.number) : "",
    "pull-request-url": outcome.commit?.pullRequest?.url ?? "",
    "pull-request-operation": outcome.commit?.pullRequest?.operation ?? ""
  };
  for (const [name, value] of Object.entries(outputs2)) {
    setOutput(name, value);
    info2(`${name}=${name === "diff" ? `(${value.length} characters)` : oneLine(value)}`);
  }
  if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(summaryMarkdown(outcome), true).write();
}

// src/edit/targets.ts
import { glob, lstat as lstat3, readdir as readdir4, realpath as realpath5, stat as stat4 } from "node:fs/promises";
import * as path9 from "node:path";
var EXPECTED3 = "a directory inside the workspace holding one kustomization.yaml, kustomization.yml or Kustomization";
var isGlob = (p) => /[*?[\]{}]/.test(p);
var toPosix = (p) => p.split(path9.sep).join("/");
var inside = (root, p) => p === root || p.startsWith(root + path9.sep);
async function kustomizationsIn(dir) {
  const names = new Set(await readdir4(dir));
  return KUSTOMIZATION_FILES.filter((n) => names.has(n));
}
async function isDirectory2(p) {
  return (await stat4(p).catch(() => void 0))?.isDirectory() ?? false;
}
async function expand(pattern2, workspace) {
  if (!isGlob(pattern2)) return [path9.resolve(workspace, pattern2)];
  const found = [];
  for await (const match of glob(pattern2, { cwd: workspace })) {
    const abs = path9.resolve(workspace, match);
    if (await isDirectory2(abs) && (await kustomizationsIn(abs)).length > 0) found.push(abs);
  }
  if (found.length === 0) throw new InputError("path", pattern2, EXPECTED3, "the pattern matches no kustomization directory");
  return found.sort();
}
async function resolveTargets(patterns2, workspace) {
  const root = await realpath5(workspace);
  const targets = /* @__PURE__ */ new Map();
  for (const pattern2 of patterns2) {
    for (const candidate of await expand(pattern2, workspace)) {
      if (!await isDirectory2(candidate)) throw new InputError("path", pattern2, EXPECTED3, "no such directory");
      const dir = await realpath5(candidate);
      if (!inside(root, dir)) throw new InputError("path", pattern2, EXPECTED3, "it resolves outside the workspace");
      const files2 = await kustomizationsIn(dir);
      if (files2.length !== 1) {
        const why = files2.length === 0 ? "no kustomization file there" : `several kustomization files there (${files2.join(", ")})`;
        throw new InputError("path", pattern2, EXPECTED3, why);
      }
      const rel = toPosix(path9.relative(root, dir)) || ".";
      const file = await kustomizationFile(path9.join(dir, files2[0]), root, pattern2);
      const fileRel = toPosix(path9.relative(root, file));
      refuseControl(pattern2, toPosix(path9.relative(root, candidate)), rel, fileRel);
      targets.set(dir, { dir, rel, file, fileRel });
    }
  }
  return [...targets.values()];
}
function refuseControl(pattern2, ...paths) {
  const bad = [pattern2, ...paths].find((p) => CONTROL.test(p));
  if (bad === void 0) return;
  const where2 = bad === pattern2 ? "" : `it matches '${oneLine(bad)}', `;
  throw new InputError("path", oneLine(pattern2), EXPECTED3, `${where2}a name holding a control character (shown escaped)`);
}
async function kustomizationFile(file, root, pattern2) {
  if (!(await lstat3(file)).isSymbolicLink()) return file;
  const real = await realpath5(file).catch(() => void 0);
  const name = path9.basename(file);
  if (real === void 0) throw new InputError("path", pattern2, EXPECTED3, `its ${name} is a symlink to nothing`);
  if (!inside(root, real)) throw new InputError("path", pattern2, EXPECTED3, `its ${name} is a symlink to a file outside the workspace`);
  if (!(await stat4(real)).isFile()) throw new InputError("path", pattern2, EXPECTED3, `its ${name} is a symlink to something other than a file`);
  return real;
}

// src/main.ts
async function run() {
  const journal = new FileJournal();
  const done = {};
  const undoable = (title, phase) => group(title, () => restoring(journal, phase));
  try {
    const settings = await group("Reading inputs", async () => getSettings());
    const targets = await group("Resolving targets", () => resolveTargets(settings.paths, settings.workspace));
    const connected = await connect(settings, targets, done);
    const planned = await group("Editing images", () => planEdits(targets, settings.images, settings.environment));
    const verifying = done.verifying = startVerifying(settings.registry, planned, settings.images);
    const edits = await pinDigests(settings.registry, planned, settings.images, verifying);
    const repository = await group("Checking git", () => checkCommit(settings, edits));
    await checkCheckoutCommitted(connected, repository, edits);
    await group("Writing kustomizations", () => writeEdits(edits, journal));
    done.written = true;
    const render = startRender(connected.kubectl, targets, stillCurrent(edits, connected.recorded));
    const ahead = askAhead(connected, targets, render);
    const rendered = await undoable("Rendering and checking images", () => renderAndCheck(render, edits, settings.images, settings.unmatched));
    await undoable("Verifying images", () => checkVerified(settings.registry, verifying));
    if (ahead?.preflight) await undoable("Preflight: server-side dry run", () => judgePreflight(ahead, rendered));
    const pushing = { describe: describePullRequest(settings, connected.renderer), verify: verifyCommit(connected, targets, rendered) };
    const commit = done.commit = await group("Committing back", () => commitUnlessDryRun(settings, edits, pushing));
    const applied = ahead && await applyCommitted(ahead, commit, rendered);
    const rolledBack2 = ahead && applied && await rollBackFailed(ahead, settings, commit, commit.edits ?? edits, applied);
    const previewed = await group("Previewing", () => preview2(settings, edits, rendered, connected.kubectl, connected.recorded));
    const outcome = { edits: commit.edits ?? commit.held ?? edits, commit, apply: applied, rollback: rolledBack2, notApplied: settings.apply.off, preview: previewed };
    await group("Reporting", () => report(outcome));
    done.reported = true;
    const failures = [...applied?.failures ?? [], ...rolledBack2?.failures ?? []];
    if (failures.length > 0) throw new FailureList(failures);
  } catch (error2) {
    const pushed = done.written && !done.reported ? failedOutputs(done.commit) : void 0;
    fail(error2);
    if (pushed) error(pushed);
  } finally {
    done.verifying?.stop();
    await done.cluster?.kubeconfig.dispose();
  }
}
async function restoring(journal, phase) {
  try {
    return await phase();
  } catch (error2) {
    const restored = await journal.restoreAll();
    if (restored.length > 0) info2(`restored ${restored.length} file(s) to their original content`);
    throw error2;
  }
}
function fail(error2) {
  process.exitCode = 1;
  if (error2 instanceof FileError) error(error2.message, { file: error2.file, startLine: error2.line, startColumn: error2.column });
  else if (error2 instanceof FailureList) for (const line of error2.lines) error(line);
  else error(errorMessage(error2));
}

// src/index.ts
handleCancellation();
await run();
