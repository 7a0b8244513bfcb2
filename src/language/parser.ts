import { EmbeddedActionsParser, tokenLabel, tokenMatcher } from 'chevrotain';
import type {
  IParserErrorMessageProvider,
  IToken,
  TokenType,
} from 'chevrotain';

import {
  allTokens,
  And,
  Comma,
  DateLiteral,
  DateTimeLiteral,
  DecimalLiteral,
  Dot,
  DurationLiteral,
  Equal,
  False,
  Greater,
  GreaterEqual,
  Identifier,
  In,
  IntegerLiteral,
  LeftBracket,
  LeftParen,
  Less,
  LessEqual,
  Minus,
  Not,
  NotEqual,
  Or,
  Plus,
  RightBracket,
  RightParen,
  Sek,
  Slash,
  Star,
  StringLiteral,
  True,
  Where,
} from './lexer.js';
import {
  dateLiteral,
  dateTimeLiteral,
  durationLiteral,
  integerLiteral,
  moneyLiteral,
  numberLiteral,
  offsets,
  stringLiteral,
} from './literals.js';
import type { SyntaxProblem } from './syntax-errors.js';
import type {
  ArithmeticOperator,
  ComparisonOperator,
  Expression,
  Identifier as IdentifierNode,
  LogicalOperator,
} from './syntax-tree.js';

/**
 * Chevrotain builds its error messages through this provider. Only a
 * mismatch names what was expected, so its message is that token's label;
 * syntax-errors.ts writes every message from the exception itself.
 */
const expectedTokenMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => tokenLabel(expected),
  buildNotAllInputParsedMessage: () => '',
  buildNoViableAltMessage: () => '',
  buildEarlyExitMessage: () => '',
};

/**
 * The grammar of conditions, lowest precedence first. The rules build the
 * syntax tree directly; node construction sits in ACTION blocks because
 * Chevrotain runs every rule once without input to record the grammar.
 * Recovery is off: a condition is a line or two, and the first error, well
 * worded, helps more than guesses after it.
 */
export class ConditionParser extends EmbeddedActionsParser {
  /** Problems found in literals during the current parse. */
  problems: SyntaxProblem[] = [];

  constructor() {
    super([...allTokens], {
      recoveryEnabled: false,
      errorMessageProvider: expectedTokenMessages,
    });
    this.performSelfAnalysis();
  }

  /** The entry rule: a whole condition. */
  readonly expression = this.RULE('expression', (): Expression => {
    return this.SUBRULE(this.orExpression);
  });

  private readonly orExpression = this.RULE('orExpression', () => {
    let left = this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(Or);
      const right = this.SUBRULE2(this.andExpression);
      left = this.ACTION(() => logical('or', left, right));
    });
    return left;
  });

  private readonly andExpression = this.RULE('andExpression', () => {
    let left = this.SUBRULE(this.notExpression);
    this.MANY(() => {
      this.CONSUME(And);
      const right = this.SUBRULE2(this.notExpression);
      left = this.ACTION(() => logical('and', left, right));
    });
    return left;
  });

  private readonly notExpression = this.RULE(
    'notExpression',
    (): Expression => {
      return this.OR([
        {
          ALT: () => {
            const operator = this.CONSUME(Not);
            const operand = this.SUBRULE(this.notExpression);
            return this.ACTION(() => ({
              kind: 'unary' as const,
              operator: 'not' as const,
              operand,
              start: operator.startOffset,
              end: operand.end,
            }));
          },
        },
        { ALT: () => this.SUBRULE(this.comparison) },
      ]);
    },
  );

  private readonly comparison = this.RULE('comparison', () => {
    let left = this.SUBRULE(this.additive);
    this.OPTION(() => {
      const operator = this.SUBRULE(this.comparisonOperator);
      const right = this.SUBRULE2(this.additive);
      left = this.ACTION(() => ({
        kind: 'comparison' as const,
        operator,
        left,
        right,
        start: left.start,
        end: right.end,
      }));
    });
    return left;
  });

  private readonly comparisonOperator = this.RULE(
    'comparisonOperator',
    (): ComparisonOperator => {
      return this.OR([
        { ALT: () => this.operator(Equal, '==') },
        { ALT: () => this.operator(NotEqual, '!=') },
        { ALT: () => this.operator(LessEqual, '<=') },
        { ALT: () => this.operator(GreaterEqual, '>=') },
        { ALT: () => this.operator(Less, '<') },
        { ALT: () => this.operator(Greater, '>') },
        { ALT: () => this.operator(In, 'in') },
        {
          ALT: () => {
            this.CONSUME(Not);
            this.CONSUME2(In);
            return 'not in' as const;
          },
        },
      ]);
    },
  );

  private readonly additive = this.RULE('additive', () => {
    let left = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const operator = this.OR([
        { ALT: () => this.operator(Plus, '+') },
        { ALT: () => this.operator(Minus, '-') },
      ]);
      const right = this.SUBRULE2(this.multiplicative);
      left = this.ACTION(() => binary(operator, left, right));
    });
    return left;
  });

  private readonly multiplicative = this.RULE('multiplicative', () => {
    let left = this.SUBRULE(this.negation);
    this.MANY(() => {
      const operator = this.OR([
        { ALT: () => this.operator(Star, '*') },
        { ALT: () => this.operator(Slash, '/') },
      ]);
      const right = this.SUBRULE2(this.negation);
      left = this.ACTION(() => binary(operator, left, right));
    });
    return left;
  });

  private readonly negation = this.RULE('negation', (): Expression => {
    return this.OR([
      {
        ALT: () => {
          const operator = this.CONSUME(Minus);
          const operand = this.SUBRULE(this.negation);
          return this.ACTION(() => ({
            kind: 'unary' as const,
            operator: '-' as const,
            operand,
            start: operator.startOffset,
            end: operand.end,
          }));
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  private readonly primary = this.RULE('primary', (): Expression => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.numeric) },
      { ALT: () => this.SUBRULE(this.otherLiteral) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.SUBRULE(this.path) },
      { ALT: () => this.SUBRULE(this.parenthesized) },
    ]);
  });

  /** A number, or an amount when `SEK` follows it. */
  private readonly numeric = this.RULE('numeric', (): Expression => {
    const amount = this.OR([
      { ALT: () => this.CONSUME(IntegerLiteral) },
      { ALT: () => this.CONSUME(DecimalLiteral) },
    ]);
    const currency = this.OPTION(() => this.CONSUME(Sek));
    return this.ACTION(() => {
      if (currency !== undefined) return moneyLiteral(amount, currency);
      return tokenMatcher(amount, IntegerLiteral)
        ? integerLiteral(amount, this.problems)
        : numberLiteral(amount);
    });
  });

  private readonly otherLiteral = this.RULE('otherLiteral', (): Expression => {
    return this.OR([
      {
        ALT: () => {
          const token = this.CONSUME(StringLiteral);
          return this.ACTION(() => stringLiteral(token, this.problems));
        },
      },
      { ALT: () => this.booleanLiteral(this.CONSUME(True), true) },
      { ALT: () => this.booleanLiteral(this.CONSUME(False), false) },
      {
        ALT: () => {
          const token = this.CONSUME(DateLiteral);
          return this.ACTION(() => dateLiteral(token, this.problems));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(DateTimeLiteral);
          return this.ACTION(() => dateTimeLiteral(token, this.problems));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(DurationLiteral);
          return this.ACTION(() => durationLiteral(token));
        },
      },
    ]);
  });

  private readonly list = this.RULE('list', (): Expression => {
    const open = this.CONSUME(LeftBracket);
    const items: Expression[] = [];
    this.OPTION(() => {
      items.push(this.SUBRULE(this.expression));
      this.MANY(() => {
        this.CONSUME(Comma);
        items.push(this.SUBRULE2(this.expression));
      });
    });
    const close = this.CONSUME(RightBracket);
    return this.ACTION(() => ({
      kind: 'list' as const,
      items,
      start: open.startOffset,
      end: offsets(close).end,
    }));
  });

  /** `name(arguments)`; the first argument may carry a `where` filter. */
  private readonly call = this.RULE('call', (): Expression => {
    const name = this.CONSUME(Identifier);
    this.CONSUME(LeftParen);
    const parameters: Expression[] = [];
    let filter: Expression | undefined;
    this.OPTION(() => {
      parameters.push(this.SUBRULE(this.expression));
      this.OPTION2(() => {
        this.CONSUME(Where);
        filter = this.SUBRULE2(this.expression);
      });
      this.MANY(() => {
        this.CONSUME(Comma);
        parameters.push(this.SUBRULE3(this.expression));
      });
    });
    const close = this.CONSUME(RightParen);
    return this.ACTION(() => ({
      kind: 'call' as const,
      callee: identifier(name),
      arguments: parameters,
      filter,
      start: name.startOffset,
      end: offsets(close).end,
    }));
  });

  private readonly path = this.RULE('path', (): Expression => {
    const root = this.CONSUME(Identifier);
    const properties: IToken[] = [];
    this.MANY(() => {
      this.CONSUME(Dot);
      properties.push(this.CONSUME2(Identifier));
    });
    return this.ACTION(() => ({
      kind: 'path' as const,
      root: identifier(root),
      properties: properties.map(identifier),
      start: root.startOffset,
      end: offsets(properties.at(-1) ?? root).end,
    }));
  });

  /** `( expression )`: the node's span widens to take in the parentheses. */
  private readonly parenthesized = this.RULE(
    'parenthesized',
    (): Expression => {
      const open = this.CONSUME(LeftParen);
      const inner = this.SUBRULE(this.expression);
      const close = this.CONSUME(RightParen);
      return this.ACTION(() => ({
        ...inner,
        start: open.startOffset,
        end: offsets(close).end,
      }));
    },
  );

  private operator<Operator extends string>(
    token: TokenType,
    operator: Operator,
  ): Operator {
    this.CONSUME(token);
    return operator;
  }

  private booleanLiteral(token: IToken, value: boolean): Expression {
    return this.ACTION(() => ({
      kind: 'boolean-literal' as const,
      value,
      ...offsets(token),
    }));
  }
}

function logical(
  operator: LogicalOperator,
  left: Expression,
  right: Expression,
): Expression {
  return {
    kind: 'logical',
    operator,
    left,
    right,
    start: left.start,
    end: right.end,
  };
}

function binary(
  operator: ArithmeticOperator,
  left: Expression,
  right: Expression,
): Expression {
  return {
    kind: 'binary',
    operator,
    left,
    right,
    start: left.start,
    end: right.end,
  };
}

function identifier(token: IToken): IdentifierNode {
  return { name: token.image, ...offsets(token) };
}
