import { beforeAll, describe, expect, it } from "vitest";
import { withClaims, type Claims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { buildSteeringFixture, type SteeringFixture } from "@thads/test-support/steering-fixture";
import {
  agendaCandidates,
  listMeetings,
  loadBriefing,
  loadMeeting,
  parseWatchFilters,
  provinceCommitteeOf,
  visibleCommittees,
} from "../src/steering/index.ts";

/*
 * The read side of the steering screens, as a committee member and as the
 * province's staff see it through RLS.
 */
const ctx = useTenantFixture();
let st: SteeringFixture;
beforeAll(async () => {
  st = await buildSteeringFixture(ctx.owner, ctx.fx, ctx.app);
});
const TODAY = "2026-11-10";
const claims = (userId: string): Claims => ({ sub: userId, role: "authenticated" });
const asMemberA = <T>(fn: Parameters<typeof withClaims<T>>[2]) => withClaims(ctx.app, claims(st.users.memberA), fn);

describe("meetings", () => {
  it("a member lists their committee's meetings with agenda and directive counts, and the cases a new agenda may take", async () => {
    const meetings = await asMemberA((tx) => listMeetings(tx, st.committees.a));
    expect(meetings.map((m) => m.id).sort()).toEqual([st.meetings.a, st.meetings.a2].sort());
    expect(meetings.find((m) => m.id === st.meetings.a)).toMatchObject({ items: 1, directives: 1, has_minutes: true });
    const candidates = await asMemberA((tx) => agendaCandidates(tx, st.committees.a));
    expect(candidates.map((f) => f.id).sort()).toEqual([st.flags.a, st.flags.proposedA].sort());
    // Ordered by status in the enum's order: proposals first.
    expect(candidates.map((f) => f.status)).toEqual(["proposed", "accepted"]);
  });

  it("one meeting: its agenda with amounts as text and the directives on the agenda's cases; another committee's meeting is not there", async () => {
    const page = await asMemberA((tx) => loadMeeting(tx, st.meetings.a, TODAY));
    expect(page?.meeting).toMatchObject({ id: st.meetings.a, committee_id: st.committees.a, is_member: true });
    expect(page?.agenda).toEqual([expect.objectContaining({ flag_id: st.flags.a, position: 1, money_due: expect.any(String) })]);
    expect(page?.directives.map((d) => d.id)).toEqual([st.directives.a]);
    expect(await asMemberA((tx) => loadMeeting(tx, st.meetings.b, TODAY))).toBeNull();
    expect(await asMemberA((tx) => listMeetings(tx, st.committees.b))).toEqual([]);
  });
});

describe("committees and the briefing pack", () => {
  it("a member sees their own committees; the province's staff find their province committee, nobody's without provinces", async () => {
    const mine = await asMemberA((tx) => visibleCommittees(tx, { onlyMine: true }));
    expect(mine.map((c) => c.id)).toEqual([st.committees.a]);
    const staff = claims(ctx.fx.users.province_staff!);
    expect(await withClaims(ctx.app, staff, (tx) => provinceCommitteeOf(tx, []))).toBeUndefined();
    const found = await withClaims(ctx.app, staff, (tx) => provinceCommitteeOf(tx, [ctx.fx.units.a]));
    expect([st.committees.a, st.committees.spareA]).toContain(found?.id);
  });

  it("the briefing pack carries each watched case's latest report and its open directives", async () => {
    const [committee] = await asMemberA((tx) => visibleCommittees(tx, { onlyMine: true }));
    const items = await asMemberA((tx) => loadBriefing(tx, committee!, TODAY));
    const a = items.find((i) => i.flagId === st.flags.a);
    expect(a?.lastReport?.body).toBe("Đã xác minh tài sản");
    expect(a?.directives.map((d) => d.id)).toEqual([st.directives.a]);
    expect(items.some((i) => i.flagId === st.flags.proposedA)).toBe(false);
  });
});

describe("watchlist filters", () => {
  it("keeps known reasons, real ids and the two views; strips control characters and caps the search at 100", () => {
    const ok = parseWatchFilters(
      new URLSearchParams({ q: "Minh\u0000 Phát", reason: "high_value", province: st.committees.a, only: "overdue" }),
    );
    expect(ok).toEqual({ q: "Minh Phát", reason: "high_value", province: st.committees.a, only: "overdue" });
    const bad = parseWatchFilters(new URLSearchParams({ q: "x".repeat(300), reason: "nope", province: "1' or '1'='1", only: "all" }));
    expect(bad).toEqual({ q: "x".repeat(100), reason: "", province: "", only: "" });
    expect(parseWatchFilters(new URLSearchParams())).toEqual({ q: "", reason: "", province: "", only: "" });
  });
});
