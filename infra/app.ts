// CDK entry point (cdk.json runs it with tsx): `npx cdk synth -c stage=prod`.
import { App } from 'aws-cdk-lib';
import { parseStage } from './stage';
import { addTesseraStacks } from './tessera-app';

const app = new App();
addTesseraStacks(app, {
  stage: parseStage(app.node.tryGetContext('stage')),
  // Unset without credentials: the stacks are then environment-agnostic and synth offline.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
app.synth();
