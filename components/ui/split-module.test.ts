import { describe, expect, it, vi } from "vitest";
import { splitModule } from "./split-module";

describe("a split module (synchronous on the server, loaded later in the browser)", () => {
  it("gives the server's copy at once and never imports it again", async () => {
    const copy = { name: "server" };
    const importer = vi.fn(async () => ({ name: "browser" }));
    const split = splitModule(copy, importer);
    expect(split.get()).toBe(copy);
    await expect(split.load()).resolves.toBe(copy);
    expect(importer).not.toHaveBeenCalled();
  });

  it("in the browser: nothing until loaded, one import however often it is asked for, listeners told once", async () => {
    const mod = { name: "browser" };
    const importer = vi.fn(async () => mod);
    const split = splitModule<typeof mod>(null, importer);
    const listener = vi.fn();
    const off = split.subscribe(listener);
    expect(split.get()).toBeNull();
    const [a, b] = await Promise.all([split.load(), split.load()]);
    expect(a).toBe(mod);
    expect(b).toBe(mod);
    expect(split.get()).toBe(mod);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    await split.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it("a failed import rejects, changes nothing, and the next load tries again", async () => {
    const mod = { name: "browser" };
    const importer = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValueOnce(mod);
    const split = splitModule<typeof mod>(null, importer);
    const listener = vi.fn();
    split.subscribe(listener);
    await expect(split.load()).rejects.toThrow("offline");
    expect(split.get()).toBeNull();
    expect(listener).not.toHaveBeenCalled();
    await expect(split.load()).resolves.toBe(mod);
    expect(importer).toHaveBeenCalledTimes(2);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
