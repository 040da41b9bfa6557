"""A real phone browser in the room (issue 14): Debian's Chromium, driven by Playwright, in a
phone-sized viewport, against the App's own room server.

Join by code, pick a name, rate a partner, see the facilitator's reveal; then lose the
connection and come back.  Only with ``make test-browser`` (marker ``browser``, deselected by
default); set ``ROOM_SCREENSHOT=path.png`` to keep a picture of the phone page.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from screens.room import RoomScreen
from tests.app_harness import LARGE, app_on, until
from workshop.method.models import Participant, Partner, Session

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
HOSTILE_PARTNER = "<script>alert(1)</script> [bold]Acme[/] 🚀"
RTL = "שותף ישראלי"


def room_session() -> Session:
    session = Session(title="Ledgerlight offsite")
    session.participants = [Participant(name="Maya Okafor"), Participant(name="Tom Lindqvist")]
    session.mapping.partners = [Partner(id="p1", name=HOSTILE_PARTNER), Partner(id="p2", name=RTL)]
    return session


@pytest.fixture
async def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test-browser` installs it (apt-get install chromium)")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            await browser.close()


async def test_a_phone_joins_rates_and_sees_the_reveal(tmp_path, browser) -> None:
    app = app_on(room_session(), tmp_path)
    app.room_at = ("127.0.0.1", 0)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await until(pilot, lambda: isinstance(app.screen, RoomScreen), "the room screen")
        await pilot.press("q", "enter")  # all partners, a queue
        await until(pilot, lambda: app.room.task is not None, "the rating task")
        room = app.room
        context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
        page = await context.new_page()
        alerts: list[str] = []
        page.on("dialog", lambda dialog: alerts.append(dialog.message))
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        base = app.room_url.split("#", 1)[0]

        await page.goto(base)  # typed address: the code is typed too
        await page.fill("#code", room.code.lower()[:3] + " " + room.code.lower()[3:])
        await page.click("#codego")
        await page.click("button.name >> text=Maya Okafor")
        await page.wait_for_selector("h2.partner")
        assert await page.text_content("h2.partner") == HOSTILE_PARTNER  # literal, not run
        await until(pilot, lambda: len(room.admitted) == 1, "Maya in the room")

        sliders = page.locator("input[type=range]")
        assert await sliders.count() == 5
        for n, value in enumerate((90, 75, 60, 45, 30)):
            assert await page.is_disabled("#send")  # every slider is moved first: no lazy 50s
            await sliders.nth(n).fill(str(value))
        assert await page.is_enabled("#send")
        await page.click("#send")
        await page.wait_for_selector("#flash .sent")
        await until(pilot, lambda: room.answered_count("p1") == 1, "the answer counted")
        assert room.answers.ratings["Maya Okafor"]["p1"] == {
            "icp_overlap": 90.0, "market_influence": 75.0, "practice_alignment": 60.0,
            "partnership_appetite": 45.0, "revenue_potential": 30.0}
        # the queue moves on to the next partner, right-to-left text as typed
        await page.wait_for_function("document.querySelector('h2.partner').textContent === %r" % RTL)

        # Wi-Fi lost: the answer waits on the phone and goes when the phone is back
        await context.set_offline(True)
        for n in range(5):
            await page.locator("input[type=range]").nth(n).fill(str(20 + n))
        await page.click("#send")
        await page.wait_for_selector("#flash .wait")
        assert room.answered_count("p2") == 0
        await context.set_offline(False)
        await page.evaluate("window.dispatchEvent(new Event('online'))")
        await until(pilot, lambda: room.answered_count("p2") == 1, "the answer sent after reconnecting")

        # the phone's browser drops the page (a sleeping phone does): back, it is still in the
        # room and shows what it had sent, from the room's own record
        await page.reload()
        await page.wait_for_selector("text=All 2 sent")
        assert "You sent ✓ ICP 90" in await page.inner_text("#task")  # the first partner again
        await until(pilot, lambda: len(room.members) == 1, "no second member: the same token")

        if os.environ.get("ROOM_SCREENSHOT"):
            await page.click("text=◀ Previous")
            await page.wait_for_selector("p.sent")
            await page.screenshot(path=os.environ["ROOM_SCREENSHOT"], full_page=False)

        await pilot.press("space")  # the facilitator reveals
        await page.wait_for_selector("text=Revealed: Rate 2 partners")
        cards = page.locator(".card")
        assert await cards.count() == 2
        first = await cards.nth(0).inner_text()
        assert HOSTILE_PARTNER in first and "Maya Okafor" in first and "Team mean" in first

        await pilot.press("a")
        await page.wait_for_selector("text=accepted these into the session")
        assert [e.participant for e in app.session.mapping.partners[0].team_ratings] == ["Maya Okafor"]
        assert alerts == [] and errors == []
        await context.close()


async def test_a_phone_dot_votes_and_adds_ideas(tmp_path, browser) -> None:
    from workshop.method.models import ParkingNote

    session = room_session()
    session.parking_lot = [ParkingNote(text="Pricing for <b>EMEA</b>"), ParkingNote(text="[bold]Channel conflict[/]")]
    app = app_on(session, tmp_path)
    app.room_at = ("127.0.0.1", 0)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("f12")
        await until(pilot, lambda: isinstance(app.screen, RoomScreen), "the room screen")
        await pilot.press("v", "enter")  # over the parking-lot items
        await pilot.press("enter")  # 3 dots each
        await until(pilot, lambda: app.room.task is not None, "the vote")
        room = app.room
        context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = await context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        await page.goto(app.room_url)  # the QR code's link: the code is filled in
        await page.click("button.name >> text=Tom Lindqvist")
        await page.wait_for_selector(".item")
        rows = page.locator(".item")
        assert [await rows.nth(n).locator("span").text_content() for n in range(2)] == [
            "Pricing for <b>EMEA</b>", "[bold]Channel conflict[/]"]
        plus = rows.nth(1).locator("button[aria-label='one dot more']")
        for _ in range(4):  # the fourth is refused on the phone: three dots each
            await plus.click()
        assert await rows.nth(1).locator("b").text_content() == "3"
        await page.click("#send")
        await until(pilot, lambda: room.answers.dots == {"Tom Lindqvist": {"n1": 3}}, "the dots")

        await pilot.press("i")  # the facilitator moves on: ideas (the vote's answers are dropped: asked first)
        await pilot.press("y")
        await page.wait_for_selector("#ideas")
        idea = "Ask the CFO | # now [red]x[/] <img src=x onerror=alert(1)> 🚀"
        await page.fill("#ideas", idea + "\n\nSecond idea")
        await page.click("#send")
        await until(pilot, lambda: room.answers.ideas.get("Tom Lindqvist") == [idea, "Second idea"], "the ideas")
        await pilot.press("space")
        await page.wait_for_selector("text=Revealed: Add ideas to the parking lot")
        assert idea in await page.inner_text("#task")
        await pilot.press("a")
        await until(pilot, lambda: [n.text for n in app.session.parking_lot][-2:] == [idea, "Second idea"], "parked")
        assert errors == []
        await context.close()
