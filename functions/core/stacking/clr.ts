import { readCredential, type JsonObject } from '../credential/document';

/**
 * A transcript with its credentials and their achievements in `credentialSubject`, in the order
 * it is signed and stored in: what is signed and what is served are built by this one function.
 */
export function assembleTranscript(
  document: JsonObject,
  credentials: readonly JsonObject[],
): JsonObject {
  const { type, identifier, ...rest } = document.credentialSubject as JsonObject;
  return {
    ...document,
    credentialSubject: {
      type,
      identifier,
      achievement: credentials.map((credential) => readCredential(credential)?.achievement ?? {}),
      verifiableCredential: credentials,
      ...rest,
    },
  };
}

/** A signed transcript without what {@link assembleTranscript} puts back. */
export function withoutCredentials(transcript: JsonObject): JsonObject {
  const {
    achievement: _achievement,
    verifiableCredential: _credentials,
    ...subject
  } = transcript.credentialSubject as JsonObject;
  return { ...transcript, credentialSubject: subject };
}
