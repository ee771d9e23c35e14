import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Services } from '../../graphql/context';
import { JwtAuthenticator } from '../adapters/auth/jwt-authenticator';
import { DynamoDbInstitutionRepository } from '../adapters/dynamodb/institution-repository';
import { DynamoDbMicroCredentialRepository } from '../adapters/dynamodb/micro-credential-repository';
import { createDocumentClient, DynamoTable } from '../adapters/dynamodb/table';
import { DynamoDbQaRepository } from '../adapters/dynamodb/qa-repository';
import { systemClock, uuidGenerator } from '../adapters/system';
import type { Authenticator } from '../core/auth/ports';
import { MicroCredentialService } from '../core/designs/micro-credential-service';
import { InstitutionService } from '../core/institutions/institution-service';
import { QaService } from '../core/qa/qa-service';
import { EventService } from '../core/shared/event-service';
import { PublicUrls } from '../core/shared/public-urls';
import type { Clock, IdGenerator } from '../core/shared/runtime';
import type { Config } from './config';

/** AWS clients, built once per process; tests pass clients pointed at the local services. */
export interface AwsClients {
  readonly dynamodb: DynamoDBClient;
}

export interface ContainerOverrides extends Partial<AwsClients> {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: Logger;
}

/** Everything a handler needs, wired from validated configuration. */
export interface Container {
  readonly config: Config;
  readonly services: Services;
  readonly authenticator: Authenticator;
  readonly urls: PublicUrls;
  readonly logger: Logger;
  readonly clients: AwsClients;
}

/** Builds AWS SDK clients for `config` (with the local endpoint overrides when set). */
export function createAwsClients(config: Config): AwsClients {
  return {
    dynamodb: new DynamoDBClient({
      region: config.AWS_REGION,
      ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    }),
  };
}

/** The composition root: the only place adapters are chosen and wired into the core. */
export function createContainer(config: Config, overrides: ContainerOverrides = {}): Container {
  const clients: AwsClients = {
    dynamodb: overrides.dynamodb ?? createAwsClients(config).dynamodb,
  };
  const logger =
    overrides.logger ?? new Logger({ serviceName: 'tessera', logLevel: config.LOG_LEVEL });
  const clock = overrides.clock ?? systemClock;
  const ids = overrides.ids ?? uuidGenerator;
  const table = new DynamoTable(createDocumentClient(clients.dynamodb), config.TABLE_NAME);
  const institutions = new DynamoDbInstitutionRepository(table);
  const designs = new DynamoDbMicroCredentialRepository(table);
  const qa = new DynamoDbQaRepository(table);
  const urls = new PublicUrls(config.PUBLIC_BASE_URL);

  const services: Services = {
    institutions: new InstitutionService({ institutions, clock, ids }),
    microCredentials: new MicroCredentialService({ designs, institutions, clock, ids }),
    qa: new QaService({ designs, workflows: qa, reviews: qa, unitOfWork: qa, clock, ids }),
    events: new EventService(qa),
  };
  const authenticator = new JwtAuthenticator({
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audiences: config.AUTH_AUDIENCE?.split(',')
      .map((audience) => audience.trim())
      .filter(Boolean),
  });
  return { config, services, authenticator, urls, logger, clients };
}
