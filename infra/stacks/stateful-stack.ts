import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { FeaturePlan } from 'aws-cdk-lib/aws-cognito';
import {
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableV2,
  type Attribute,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDesign } from '../../functions/adapters/dynamodb/table-design';
import { EvidenceStore } from '../constructs/evidence-store';
import { Identity } from '../constructs/identity';
import type { DeploymentStage } from '../stage';

/** Properties of the {@link StatefulStack}. */
export interface StatefulStackProps extends StackProps {
  /** `prod` retains data on deletion and turns on deletion protection; `dev` can be torn down. */
  readonly stage: DeploymentStage;
  /**
   * Browser origins that may upload and download evidence with presigned URLs.
   * @default ['*']
   */
  readonly evidenceCorsOrigins?: string[];
  /**
   * Cognito feature plan of the user pool.
   * @default FeaturePlan.PLUS in prod, FeaturePlan.ESSENTIALS otherwise
   */
  readonly identityFeaturePlan?: FeaturePlan;
}

/**
 * Everything that holds data and must outlive a redeploy of the code: the single table, the
 * evidence bucket and the user pool. The stateless stack receives them through typed
 * properties; nothing here knows about functions.
 */
export class StatefulStack extends Stack {
  /** The single table, built from the shared table design. */
  readonly table: TableV2;
  /** Learner evidence files and the policies to read and write them. */
  readonly evidence: EvidenceStore;
  /** The user pool (groups = roles) and the portal's app client. */
  readonly identity: Identity;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const production = props.stage === 'prod';

    // Every key attribute is a string (see table-design.ts); the shape is not restated here.
    const key = (name: string): Attribute => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(tableDesign.partitionKey),
      sortKey: key(tableDesign.sortKey),
      globalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      dynamoStream: StreamViewType[tableDesign.streamViewType],
      billing: Billing.onDemand(),
      // Always on: restoring to a point in time is the answer to a bad deploy or a bad script,
      // in any stage.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: production,
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.evidence = new EvidenceStore(this, 'Evidence', {
      retain: production,
      corsAllowedOrigins: props.evidenceCorsOrigins,
    });

    this.identity = new Identity(this, 'Identity', {
      retain: production,
      featurePlan:
        props.identityFeaturePlan ?? (production ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS),
    });
  }
}
