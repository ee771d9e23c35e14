// Emits the merged schema SDL as a TypeScript module, so the Lambda bundle and the local
// runner load the schema without reading .graphql files at run time. Descriptions are kept.
const { printSchemaWithDirectives } = require('@graphql-tools/utils');

module.exports = {
  plugin(schema) {
    const sdl = printSchemaWithDirectives(schema);
    return [
      '// Generated from graphql/schema/*.graphql by `npm run codegen`; do not edit.',
      `export const typeDefs = ${JSON.stringify(sdl)};`,
      '',
    ].join('\n');
  },
};
