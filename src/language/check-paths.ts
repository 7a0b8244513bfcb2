import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { CheckContext } from './check-context.js';
import type { Facts } from './narrowing.js';
import { pathText } from './syntax-tree.js';
import type { Identifier, PathExpression, SyntaxNode } from './syntax-tree.js';
import { describeType, errorType, requiredType } from './types.js';
import type { Type } from './types.js';

/** Roots that exist in some conditions, though not in every one. */
const standardRoots: readonly string[] = [
  'member',
  'event',
  'offer',
  'params',
  'segment',
];

/**
 * A root and its attributes. An optional attribute on the way must be
 * known present; the last one may stay optional, for the caller to judge.
 */
export function checkPath(
  checker: CheckContext,
  path: PathExpression,
  facts: Facts,
): Type {
  let type = rootType(checker, path.root);
  let prefix = path.root.name;
  let end = path.root.end;

  for (const property of path.properties) {
    if (type.kind === 'error') return type;
    if (type.kind === 'optional') {
      type = presentPrefix(
        checker,
        type,
        prefix,
        { start: path.start, end },
        facts,
      );
    }
    type = propertyType(checker, type, prefix, property);
    prefix = `${prefix}.${property.name}`;
    end = property.end;
  }

  const known = type.kind === 'optional' && facts.has(pathText(path));
  return known ? requiredType(type) : type;
}

function presentPrefix(
  checker: CheckContext,
  type: Type,
  prefix: string,
  span: SyntaxNode,
  facts: Facts,
): Type {
  if (!facts.has(prefix)) {
    const data = { expression: prefix, type: describeType(type) };
    checker.report('SL408', span, data);
  }
  return requiredType(type);
}

function rootType(checker: CheckContext, root: Identifier): Type {
  if (root.name === 'item') {
    if (checker.item !== undefined) return checker.item;
    checker.report('SL402', root, {});
    return errorType;
  }

  const type = checker.scope.roots.get(root.name);
  if (type !== undefined) return type;

  const known = [...checker.scope.roots.keys()];
  if (checker.item !== undefined) known.push('item');
  const listed = known.join(', ');
  if (standardRoots.includes(root.name)) {
    checker.report('SL401', root, { name: root.name, known: listed });
  } else {
    const suggestion = didYouMean(root.name, [...known, 'true', 'false']);
    checker.report('SL400', root, {
      name: root.name,
      suggestion,
      known: listed,
    });
  }
  return errorType;
}

function propertyType(
  checker: CheckContext,
  owner: Type,
  ownerText: string,
  property: Identifier,
): Type {
  if (owner.kind !== 'object') {
    const data = {
      name: property.name,
      path: ownerText,
      type: describeType(owner),
    };
    checker.report('SL404', property, data);
    return errorType;
  }

  const type = owner.properties.get(property.name);
  if (type !== undefined) return type;

  const names = [...owner.properties.keys()];
  const data = {
    path: ownerText,
    name: property.name,
    suggestion: didYouMean(property.name, names),
    known: names.join(', '),
  };
  checker.report('SL403', property, data);
  return errorType;
}
