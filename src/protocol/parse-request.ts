/** The server's entry point for request bodies; kept apart so the browser frame need not bundle request schemas. */
import * as z from './zod.ts';
import { describeMismatch, guard, isRecord, malformed, parseAt, type ParseResult } from './parse-result.ts';
import { REQUEST_SCHEMAS, REQUEST_TYPES, type ChatKitRequest } from './requests.ts';

const requestTypeSchema = z.enum(REQUEST_TYPES);

/** Parses a request body (server side). Every failure is malformed: the request enum is closed. */
export function parseRequest(value: unknown): ParseResult<ChatKitRequest> {
  return guard((): ParseResult<ChatKitRequest> => {
    if (!isRecord(value)) return malformed(describeMismatch([], 'object', value));
    const type = parseAt(requestTypeSchema, value.type, value, ['type']);
    if (!type.ok) return type;
    return parseAt(REQUEST_SCHEMAS[type.value], value, value, []) as ParseResult<ChatKitRequest>;
  });
}
