// Validates an OpenAPI document with swagger-parser (schema of the OpenAPI
// version the document names, then its own checks: $refs resolve, operation
// ids and parameters unique, path parameters declared). Used by
// tests/integration/tst_api_openapi.cpp.
//   node validate.mjs FILE      exit 0 and "valid: …" on stdout, or exit 1
//                               with the validator's messages on stderr
import SwaggerParser from '@apidevtools/swagger-parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs openapi.json');
  process.exit(2);
}
try {
  // validate() dereferences in place: pass a path so the input stays a file
  // and every $ref is resolved against the document itself.
  const api = await SwaggerParser.validate(file);
  const paths = Object.keys(api.paths ?? {}).length;
  console.log(`valid: ${api.info.title} ${api.info.version}, OpenAPI ${api.openapi}, ${paths} paths`);
} catch (error) {
  // The message lists every schema violation with its JSON pointer.
  console.error(`invalid: ${error.message}`);
  process.exit(1);
}
