/** The redis-server binary: $REDIS_SERVER, else one on PATH or in Debian's place; or undefined. */
export declare function findRedisServer(env?: NodeJS.ProcessEnv): string | undefined;

export interface RedisServer {
  /** redis://[:password@]127.0.0.1:port */
  readonly url: string;
  readonly port: number;
  readonly password: string | undefined;
  /** With `tls`: the server's self-signed certificate, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string | undefined;
  /** Stops the server (SIGKILL after 5 s) and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts redis-server on a free loopback port, in a directory of its own, with nothing saved to
 * disk, and resolves once it answers. `password` makes it require one; `tls` makes it speak TLS
 * only (rediss://), with a self-signed certificate made by openssl.
 */
export declare function startRedisServer(options?: {
  password?: string;
  tls?: boolean;
}): Promise<RedisServer>;

/** A loopback port nothing listens on right now (for an "unreachable" URL). */
export declare function freePort(): Promise<number>;
