/** The kinesalite emulator (no types of its own): a factory of Node HTTP servers speaking the Kinesis API. */
declare module 'kinesalite' {
  import type { Server } from 'node:http';

  interface KinesaliteOptions {
    /** Milliseconds a stream stays CREATING (default 500). */
    readonly createStreamMs?: number;
    /** Milliseconds a stream stays UPDATING after a reshard (default 500). */
    readonly updateStreamMs?: number;
    readonly deleteStreamMs?: number;
    /** Open shards the account may have (default 10). */
    readonly shardLimit?: number;
  }

  export default function kinesalite(options?: KinesaliteOptions): Server;
}
