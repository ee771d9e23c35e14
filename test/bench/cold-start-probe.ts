import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ColdStartProbeResult } from './cold-start';
import { lambdaContext } from './lambda-event';

/**
 * Runs in a fresh `node` process (bundled to plain JavaScript first, so no TypeScript loader
 * sits in the measurement): imports a Lambda bundle, invokes its `handler` once, prints the
 * timings as one JSON line and exits, as a Lambda cold start does before the sandbox is frozen.
 *
 * Usage: node cold-start-probe.mjs <bundle.mjs> <event JSON>
 */

const [bundle, eventJson] = process.argv.slice(2);
if (!bundle || !eventJson) throw new Error('usage: cold-start-probe <bundle.mjs> <event JSON>');
const event = JSON.parse(eventJson) as APIGatewayProxyEventV2;
const context = lambdaContext(event.requestContext.requestId);

const beforeImport = performance.now();
const loaded = (await import(pathToFileURL(bundle).href)) as {
  handler: (
    event: APIGatewayProxyEventV2,
    context: unknown,
  ) => Promise<APIGatewayProxyStructuredResultV2>;
};
const afterImport = performance.now();
const result = await loaded.handler(event, context);
const afterRequest = performance.now();

const report: ColdStartProbeResult = {
  processStartToImportMs: beforeImport,
  moduleLoadMs: afterImport - beforeImport,
  firstRequestMs: afterRequest - afterImport,
  statusCode: result.statusCode ?? 200,
  body: result.body ?? '',
};
// Open keep-alive sockets (the DynamoDB client's) would keep the process alive; Lambda would
// freeze it here instead.
process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
