import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** Arbitrary JSON, passed through as is (validated by the use case that receives it). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
