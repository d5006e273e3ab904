/** The part of s3rver (a local S3-compatible server, for tests; it ships no types) that the tests use. */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  export interface S3rverOptions {
    /** Address to listen on (default localhost). */
    readonly address?: string;
    /** Port to listen on; 0 takes a free one. */
    readonly port?: number;
    /** No request logging. */
    readonly silent?: boolean;
    /** Folder the buckets and objects are kept in. */
    readonly directory: string;
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Starts listening; resolves with the address it listens on. */
    run(): Promise<AddressInfo>;
    /** Stops listening. */
    close(): Promise<void>;
  }
}
