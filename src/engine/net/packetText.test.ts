import { describe, expect, it } from "vitest";
import { markText, packetLine, tcpFlags } from "./packetText";

describe("packets as Linux tools write them", () => {
  it("writes tcpdump's start of line and flags", () => {
    const p = {
      proto: "TCP" as const,
      src: "10.244.1.4",
      sport: 40000,
      dst: "10.96.0.12",
      dport: 80,
      mark: 0,
      bytes: 60,
    };
    expect(packetLine({ ...p, flags: ["SYN"] })).toBe("IP 10.244.1.4.40000 > 10.96.0.12.80: Flags [S]");
    expect(tcpFlags(["ACK", "SYN"])).toBe("[S.]");
    expect(tcpFlags(["RST", "ACK"])).toBe("[R.]");
    expect(tcpFlags(["ACK", "FIN"])).toBe("[F.]");
    expect(packetLine({ ...p, proto: "UDP", dport: 53 })).toBe("IP 10.244.1.4.40000 > 10.96.0.12.53: UDP");
    expect(markText(0x4000)).toBe("0x4000");
    expect(markText(0)).toBe("0x0");
  });
});
