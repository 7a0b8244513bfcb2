import type { Span } from '../diagnostics/source-file.js';
import { embeddedSpan, type EmbeddedText } from '../loading/embedded-text.js';

/*
 * The Handlebars syntax tree, as a union the checker can switch over. The
 * library's own typings give every node `type: string`; these narrow it.
 */

export type Program = hbs.AST.Program;
export type SourceLocation = hbs.AST.SourceLocation;
export type MustacheStatement = hbs.AST.MustacheStatement;
export type BlockStatement = hbs.AST.BlockStatement;
export type PathExpression = hbs.AST.PathExpression;
export type SubExpression = hbs.AST.SubExpression;
export type Hash = hbs.AST.Hash;

/** Decorators (`{{* x}}`), which templates do not support. */
export interface DecoratorNode {
  readonly type: 'Decorator' | 'DecoratorBlock';
  readonly loc: SourceLocation;
}

/** A statement of a template. */
export type Statement =
  | MustacheStatement
  | BlockStatement
  | hbs.AST.PartialStatement
  | hbs.AST.PartialBlockStatement
  | hbs.AST.ContentStatement
  | hbs.AST.CommentStatement
  | DecoratorNode;

/** An argument of a helper call. */
export type Expression =
  | PathExpression
  | SubExpression
  | hbs.AST.StringLiteral
  | hbs.AST.NumberLiteral
  | hbs.AST.BooleanLiteral
  | hbs.AST.UndefinedLiteral
  | hbs.AST.NullLiteral;

/** The statements of a program, narrowed. */
export function statements(program: Program): readonly Statement[] {
  return program.body as readonly Statement[];
}

/** An expression, narrowed. */
export function expression(node: hbs.AST.Expression): Expression {
  return node as Expression;
}

/** A template part's text with the means to place syntax tree positions. */
export class TemplateText {
  private readonly lineStarts: number[] = [0];

  constructor(readonly source: EmbeddedText) {
    const text = source.text;
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) === 10) this.lineStarts.push(index + 1);
    }
  }

  /** The text offset of a 1-based line and 0-based column. */
  offset(line: number, column: number): number {
    const lineStart =
      this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1];
    return Math.min((lineStart ?? 0) + column, this.source.text.length);
  }

  /** The file span of a syntax tree location. */
  span(loc: SourceLocation): Span {
    const start = this.offset(loc.start.line, loc.start.column);
    const end = this.offset(loc.end.line, loc.end.column);
    return embeddedSpan(this.source, start, end);
  }

  /** The file span of a range of text offsets. */
  rangeSpan(start: number, end: number): Span {
    return embeddedSpan(this.source, start, end);
  }
}
