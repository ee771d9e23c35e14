import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { ManagedPolicy, PolicyStatement, type IManagedPolicy } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeNagFindings, wildcardResourceFinding } from './nag';

/**
 * What a function needs to reach learner evidence: the bucket and the object-level policies the
 * owner of the bucket defines. The policies live beside the bucket (not in the functions' stack)
 * so that "may read evidence" is written once, next to the data it protects.
 */
export interface EvidenceAccess {
  readonly bucket: IBucket;
  /** `s3:GetObject` on evidence objects: reading, and signing presigned GET URLs. */
  readonly readPolicy: IManagedPolicy;
  /** `s3:PutObject` on evidence objects: signing presigned PUT URLs for browser uploads. */
  readonly writePolicy: IManagedPolicy;
}

/** Properties of an {@link EvidenceStore}. */
export interface EvidenceStoreProps {
  /**
   * Keep the buckets and their objects when the stack deletes them (production); otherwise
   * they are emptied and deleted with the stack.
   */
  readonly retain: boolean;
  /**
   * Browser origins that may PUT and GET evidence with presigned URLs (the portal's origins).
   * @default ['*'] - any origin: a presigned URL is itself the credential, and no cookies are sent
   */
  readonly corsAllowedOrigins?: string[];
  /**
   * How long a replaced or deleted version of an evidence file is kept before it expires.
   * @default Duration.days(90)
   */
  readonly noncurrentVersionExpiration?: Duration;
  /**
   * How long S3 server access logs are kept.
   * @default Duration.days(365)
   */
  readonly accessLogExpiration?: Duration;
}

/**
 * Learner evidence files: a private, versioned, encrypted bucket that browsers upload to and
 * download from with presigned URLs, plus a bucket for its server access logs.
 */
export class EvidenceStore extends Construct implements EvidenceAccess {
  readonly bucket: Bucket;
  /** Receives the evidence bucket's server access logs. */
  readonly accessLogsBucket: Bucket;
  readonly readPolicy: ManagedPolicy;
  readonly writePolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: EvidenceStoreProps) {
    super(scope, id);
    const removal = props.retain
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };
    const privateBucket = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      ...removal,
    };

    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      ...privateBucket,
      lifecycleRules: [
        { expiration: props.accessLogExpiration ?? Duration.days(365) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    acknowledgeNagFindings(this.accessLogsBucket, {
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the evidence bucket access logs; logging it too would need a ' +
        'third bucket and would record only S3 log delivery itself.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucket,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'evidence/',
      lifecycleRules: [
        // An abandoned browser upload leaves invisible, billed parts behind until aborted.
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Versioning protects against overwrites; old versions need not live forever.
        {
          noncurrentVersionExpiration: props.noncurrentVersionExpiration ?? Duration.days(90),
        },
      ],
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: props.corsAllowedOrigins ?? ['*'],
          // Presigned uploads send Content-Type and x-amz-* headers chosen by the SDK.
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
    });

    const objects = this.bucket.arnForObjects('*');
    this.readPolicy = new ManagedPolicy(this, 'ReadPolicy', {
      description: 'Read learner evidence objects (and sign presigned GET URLs for them).',
      statements: [new PolicyStatement({ actions: ['s3:GetObject'], resources: [objects] })],
    });
    this.writePolicy = new ManagedPolicy(this, 'WritePolicy', {
      description: 'Write learner evidence objects (and sign presigned PUT URLs for them).',
      statements: [new PolicyStatement({ actions: ['s3:PutObject'], resources: [objects] })],
    });
    for (const policy of [this.readPolicy, this.writePolicy]) {
      acknowledgeNagFindings(policy, {
        id: wildcardResourceFinding(this, objects),
        reason:
          'Evidence object keys are chosen at run time (one per upload), so the policy covers ' +
          'the objects of this one bucket; it grants a single object action and no listing.',
      });
    }
  }
}
