// `npm run grpc` as its own process, as an operator runs it: it starts under tsx with the
// react-server condition, listens on the port asked for, and answers the standard health service
// and server reflection (what grpcurl uses) besides BookingService. SIGTERM stops it cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials, loadPackageDefinition, type Client, type GrpcObject, type ServiceClientConstructor } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { protoPath as healthProto } from "grpc-health-check";
import { inject } from "vitest";
import { bookingClient, unwrap } from "./client";

const reflectionProto = path.resolve("node_modules/@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto");
let child: ChildProcess;
let address: string;
const output: string[] = [];

beforeAll(async () => {
  const scripts = JSON.parse((await import("node:fs")).readFileSync("package.json", "utf8")).scripts as Record<string, string>;
  const [command, ...args] = scripts.grpc!.split(" ");
  child = spawn(path.resolve("node_modules/.bin", command!), args, {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), GRPC_HOST: "127.0.0.1", GRPC_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "gRPC listening" line within 30 s:\n${output.join("")}`)), 30_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /gRPC listening on (\S+:\d+)/.exec(output.join(""));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => reject(new Error(`npm run grpc exited with ${code}:\n${output.join("")}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
});

function clientFor(protoFile: string, service: string[]): Client & Record<string, (...args: unknown[]) => unknown> {
  let node = loadPackageDefinition(loadSync(protoFile, { keepCase: true, defaults: true, longs: Number, enums: String })) as GrpcObject;
  for (const part of service.slice(0, -1)) node = node[part] as GrpcObject;
  const Ctor = node[service.at(-1)!] as ServiceClientConstructor;
  return new Ctor(address, credentials.createInsecure()) as never;
}

describe("npm run grpc", () => {
  it("reports SERVING for the server and for railbook.v1.BookingService on the health service", async () => {
    const health = clientFor(healthProto, ["grpc", "health", "v1", "Health"]);
    for (const service of ["", "railbook.v1.BookingService"]) {
      const answer = await new Promise<{ status: string }>((resolve, reject) => health.Check!({ service }, (e: Error | null, r: { status: string }) => (e ? reject(e) : resolve(r))));
      expect(answer.status, service).toBe("SERVING");
    }
    health.close();
  });

  it("lists BookingService and serves its file descriptor through server reflection", async () => {
    const reflection = clientFor(reflectionProto, ["grpc", "reflection", "v1", "ServerReflection"]);
    const ask = (request: object) =>
      // The reflection answer is a loosely typed proto-loader object, read field by field.
      new Promise<Record<string, any>>((resolve, reject) => { // eslint-disable-line @typescript-eslint/no-explicit-any
        const stream = reflection.ServerReflectionInfo!() as NodeJS.ReadWriteStream & { write(r: object): void; end(): void };
        stream.on("data", (response: Record<string, unknown>) => {
          resolve(response);
          stream.end();
        });
        stream.on("error", reject);
        stream.write(request);
      });
    const listed = await ask({ list_services: "" });
    expect(listed.list_services_response.service.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(["railbook.v1.BookingService", "grpc.health.v1.Health"]),
    );
    const file = await ask({ file_containing_symbol: "railbook.v1.BookingService" });
    const descriptor = Buffer.concat(file.file_descriptor_response.file_descriptor_proto).toString("latin1");
    expect(descriptor).toContain("railbook.v1");
    expect(descriptor).toContain("CreateBooking");
    reflection.close();
  });

  it("answers BookingService calls from the database it was given", async () => {
    const client = bookingClient(address);
    const { stations } = unwrap(await client.call("ListStations", {}));
    expect(Array.isArray(stations)).toBe(true);
    const refused = await client.call("ListBookings", {});
    expect(refused.ok ? null : refused.error.errorCode).toBe("UNAUTHENTICATED");
    client.close();
  });
});
