"""`align review` in a real browser: headless Chromium driven by Selenium (Debian's chromium and
chromium-driver, installed in CI by .ci/install-chromium). Keyboard review of a hand-written run and of
the sample run, then `align export`: review.jsonl and the TMX (DTD, translate-toolkit) are checked."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from align.export.tmxread import read_tmx, validate_tmx
from conftest import REPO, run_cli
from align.review.records import sides
from test_review import COFFEE_PAIR, FLOOD_PAIR, HOSTILE_EN, HOSTILE_ID, _start_server, side_names, write_run

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is absent (pip install -e '.[test]')")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SCREENSHOT_ENV = "ALIGN_REVIEW_SCREENSHOT"  # set to a path to keep the sample review's screenshot (README)


def _program(*names: str) -> str:
    for name in names:
        if path := shutil.which(name):
            return path
    reason = f"{names[0]} is absent (install it with .ci/install-chromium)"
    if os.environ.get("CI"):  # CI installs it: the browser test must run there, not skip
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def browser(tmp_path):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _program("chromium", "chromium-browser")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1400,900", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(_program("chromedriver")), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def server(tmp_path):
    """Start `align review --no-browser` on a folder; every server started is stopped at the end."""
    started: list[subprocess.Popen] = []

    def start(folder: Path) -> str:
        proc, url = _start_server(folder, tmp_path / "cache")
        started.append(proc)
        return url

    yield start
    for proc in started:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


def open_page(driver, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "beads").get_attribute("data-view") == "all")
    wait_saved(driver)


def wait_saved(driver, decisions: int | None = None) -> None:
    """Wait until every decision sent has been answered as saved (and, given, how many there are)."""
    def done(d):
        status = d.find_element(By.ID, "saved")
        text = status.text
        if text.startswith("not saved") or text.startswith("cannot load"):
            raise AssertionError(text)
        return status.get_attribute("data-pending") == "0" and text.startswith("saved") and (
            decisions is None or text.startswith(f"saved ✓ {decisions} decisions"))

    WebDriverWait(driver, 60).until(done)


def keys(driver, *sequence: str) -> None:
    driver.execute_script("document.activeElement && document.activeElement.blur()")
    chain = ActionChains(driver)
    for key in sequence:
        chain.send_keys(key)
    chain.perform()


def open_pair(driver, pair: tuple[str, str]) -> None:
    driver.find_element(By.CSS_SELECTOR, f'#pairs li[data-src="{pair[0]}"][data-tgt="{pair[1]}"]').click()
    WebDriverWait(driver, 30).until(
        lambda d: d.find_element(By.ID, "beads").get_attribute("data-view") == f"{pair[0]} / {pair[1]}")


def current_bead(driver) -> tuple[str, str]:
    row = driver.find_element(By.CSS_SELECTOR, "tr.bead.current")
    return row.get_attribute("data-src"), row.get_attribute("data-tgt")


def review_records(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "review.jsonl").read_text(encoding="utf-8").splitlines()]


def test_hostile_segments_show_as_text_and_never_run(browser, server, tmp_path):
    folder = write_run(tmp_path / "run")
    open_page(browser, server(folder))
    open_pair(browser, COFFEE_PAIR)
    texts = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#beads td.text")]
    assert HOSTILE_EN in texts and HOSTILE_ID in texts
    keys(browser, "j", "e")  # an edit holding markup is shown as text too
    area = browser.find_element(By.CSS_SELECTOR, 'tr.current textarea[data-side="tgt"]')
    area.clear()
    area.send_keys('<img src=y onerror="window.__pwned = 3"><b>tebal</b>')
    area.send_keys(Keys.CONTROL, Keys.ENTER)
    wait_saved(browser, 1)
    open_page(browser, browser.current_url)
    open_pair(browser, COFFEE_PAIR)
    assert browser.execute_script("return window.__pwned === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "#beads img, #beads script, #beads b")
    texts = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#beads td.text")]
    assert '<img src=y onerror="window.__pwned = 3"><b>tebal</b>' in texts
    assert not [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def test_keyboard_review_then_export(browser, server, tmp_path):
    folder = write_run(tmp_path / "run")
    url = server(folder)
    open_page(browser, url)
    assert "j/k next/previous bead" in browser.find_element(By.ID, "keys").text
    open_pair(browser, FLOOD_PAIR)
    keys(browser, "j")
    assert current_bead(browser) == ("1", "1")
    keys(browser, "r")  # reject; the cursor moves on to [2]:[2]
    wait_saved(browser, 1)
    assert current_bead(browser) == ("2", "2")
    keys(browser, "m")  # merge [2]:[2] with []:[3]
    wait_saved(browser, 2)
    assert current_bead(browser) == ("2", "2,3")
    keys(browser, "j", "j", "s")  # split [4,5]:[5,6] at the middle of each side
    assert len(browser.find_elements(By.CSS_SELECTOR, "tr.current li.cut")) == 2
    keys(browser, Keys.ENTER)
    wait_saved(browser, 3)
    assert current_bead(browser) == ("4", "5")
    open_pair(browser, COFFEE_PAIR)
    keys(browser, "j", "e")
    area = browser.find_element(By.CSS_SELECTOR, 'tr.current textarea[data-side="src"]')
    area.clear()
    area.send_keys("The ministry said exports grew.")
    area.send_keys(Keys.CONTROL, Keys.ENTER)
    wait_saved(browser, 4)
    keys(browser, "k", "a")  # accept the hostile bead, under the run's min_score
    wait_saved(browser, 5)
    assert "reviewed 6 of 9 beads · changed 5 · rejected 1" in browser.find_element(By.ID, "counts").text

    records = review_records(folder)
    assert [r["verdict"] for r in records] == ["reject", "merge", "split", "edit", "accept"]
    src, tgt = side_names()
    assert records[0]["pair"] == list(FLOOD_PAIR) and (records[0][src], records[0][tgt]) == ([1], [1])
    assert records[1]["next"] == {src: [], tgt: [3]}
    assert records[2]["into"] == [{src: [4], tgt: [5]}, {src: [5], tgt: [6]}]
    assert records[3]["side"] == src and records[3]["text"] == "The ministry said exports grew."

    open_page(browser, url)  # reopening shows the decisions
    open_pair(browser, FLOOD_PAIR)
    rejected = browser.find_element(By.CSS_SELECTOR, 'tr.bead[data-src="1"]')
    assert "reject" in rejected.get_attribute("class")

    proc = run_cli(["export", folder], tmp_path / "cache")
    assert proc.returncode == 0, proc.stderr
    tmx = folder / "corpus.tmx"
    assert validate_tmx(tmx) == []
    if shutil.which("xmllint"):
        dtd = REPO / "align" / "data" / "tmx14b.dtd"
        lint = subprocess.run(["xmllint", "--noout", "--dtdvalid", str(dtd), str(tmx)], capture_output=True, text=True)
        assert lint.returncode == 0, lint.stderr
    units = {u.segments.get("en"): u for u in read_tmx(tmx)}
    assert "Schools across the city were closed." not in units
    assert units["The ministry said exports grew."].props["x-review"] == "edit"
    assert units["Officials said the water would recede by Friday."].props["x-review"] == "merge"
    assert units["She promised more aid."].segments["id"] == "Dia menjanjikan lebih banyak bantuan."
    assert units[HOSTILE_EN].props["x-review"] == "accept"
    from translate.storage.tmx import tmxfile

    with open(tmx, "rb") as handle:
        loaded = {u.source: u.target for u in tmxfile(handle, "en", "id").units}
    assert loaded["The ministry said exports grew."] == "Kementerian mengatakan ekspor tumbuh."
    assert "Schools across the city were closed." not in loaded


def test_reject_a_pair_and_pair_two_articles_by_hand(browser, server, tmp_path):
    from selenium.webdriver.support.ui import Select

    folder = write_run(tmp_path / "run")
    open_page(browser, server(folder))
    item = browser.find_element(By.CSS_SELECTOR, f'#pairs li[data-src="{COFFEE_PAIR[0]}"]')
    item.find_element(By.CSS_SELECTOR, "button.unpair").click()
    wait_saved(browser, 1)
    WebDriverWait(browser, 30).until(lambda d: "coffee:0" in [o.get_attribute("value") for o in
                                                              d.find_elements(By.CSS_SELECTOR, "#unpaired-src option")])
    assert "unpaired" in browser.find_element(By.CSS_SELECTOR, f'#pairs li[data-src="{COFFEE_PAIR[0]}"]').get_attribute("class")
    assert HOSTILE_EN not in [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#beads td.text")]
    Select(browser.find_element(By.ID, "unpaired-src")).select_by_value("cup:0")
    Select(browser.find_element(By.ID, "unpaired-tgt")).select_by_value("cup:1")
    browser.find_element(By.ID, "pair-button").click()  # the server aligns the new pair with the run's model
    wait_saved(browser, 2)
    made = browser.find_element(By.CSS_SELECTOR, '#pairs li[data-src="cup:0"][data-tgt="cup:1"]')
    assert "paired by hand" in made.text
    records = review_records(folder)
    assert [(r["verdict"], r["pair"]) for r in records] == [("unpair", list(COFFEE_PAIR)), ("pair", ["cup:0", "cup:1"])]
    assert [sides(b) for b in records[1]["beads"]] == [([0], [0]), ([1], [1])]
    proc = run_cli(["export", folder], tmp_path / "cache")
    assert proc.returncode == 0, proc.stderr
    units = {u.segments.get("en"): u.segments.get("id") for u in read_tmx(folder / "corpus.tmx")}
    assert units["The local team won the cup on Sunday."] == "Tim lokal memenangkan piala pada hari Minggu."
    assert "Farmers expect a good harvest." not in units


def test_ten_lowest_beads_of_the_sample_run_by_keyboard(browser, server, sample_run, tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(sample_run.outdir, folder)
    records = [json.loads(line) for line in (folder / "alignments.jsonl").read_text().splitlines()]
    scores = sorted(r.get("confidence", r["score"]) for r in records)  # what the run exported with
    limit = scores[10] if scores[10] > scores[9] else scores[9] + 1e-4
    shown = sum(1 for s in scores if s < limit)
    open_page(browser, server(folder))
    below = browser.find_element(By.ID, "below")
    below.send_keys(str(limit))
    assert len(browser.find_elements(By.CSS_SELECTOR, "tr.bead")) == shown >= 10
    keys(browser, "r", *["a"] * (shown - 1))
    wait_saved(browser, shown)
    keys(browser, "k", "e")
    area = browser.find_element(By.CSS_SELECTOR, "tr.current textarea")
    area.send_keys(" (checked)")
    area.send_keys(Keys.CONTROL, Keys.ENTER)
    wait_saved(browser, shown + 1)
    records = review_records(folder)
    assert [r["verdict"] for r in records] == ["reject"] + ["accept"] * (shown - 1) + ["edit"]
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot = tmp_path / "review.png"
    assert browser.save_screenshot(str(screenshot)) and screenshot.stat().st_size > 10_000
    if os.environ.get(SCREENSHOT_ENV):
        shutil.copyfile(screenshot, os.environ[SCREENSHOT_ENV])
    proc = run_cli(["export", folder], tmp_path / "cache")
    assert proc.returncode == 0, proc.stderr
    units = read_tmx(folder / "corpus.tmx")
    assert validate_tmx(folder / "corpus.tmx") == [] and any("(checked)" in text for u in units for text in u.segments.values())
    articles = {a["id"]: a["sentences"] for a in map(json.loads, (folder / "articles.jsonl").read_text().splitlines())}
    accepted = {tuple(" ".join(articles[doc][k] for k in side) for doc, side in zip(r["pair"], sides(r)))
                for r in records if r["verdict"] == "accept" and all(sides(r))}  # 1-0/0-1 beads stay out
    reviewed = {tuple(u.segments.values()) for u in units if u.props.get("x-review", "").endswith("accept")}
    assert accepted and len(reviewed) == len(accepted)  # texts differ where the edit went in
