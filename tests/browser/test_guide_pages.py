"""The guide's pages in Chromium: the sample notice and its list agree, and each path leads where it says."""

import re

from playwright.sync_api import expect


def test_the_sample_notice_callouts_match_the_numbered_list(page, base_url, watch):
    page.goto(base_url + "reading-your-notice/")
    callouts = page.locator(".sample-notice-art .callout")
    items = page.locator(".callout-list > li")
    expect(items).to_have_count(callouts.count())
    for index in range(callouts.count()):
        number = str(index + 1)
        expect(callouts.nth(index)).to_have_attribute("data-callout", number)
        expect(callouts.nth(index)).to_have_text(number)
        expect(items.nth(index)).to_have_attribute("id", f"callout-{number}")
    expect(page.get_by_role("img", name=re.compile("Sample CP523 notice"))).to_be_visible()
    expect(page.locator(".sample-notice-art")).to_contain_text("SAMPLE")


def test_each_path_on_the_home_page_leads_where_it_says(page, base_url, watch):
    paths = {
        "I can pay what I missed": "If you can pay what you missed",
        "I agree, but I cannot pay it all": "If you agree but cannot pay it all",
        "I think the notice is wrong": "If you think the notice is wrong",
        "Work out my own dates": "Your dates",
    }
    for link_text, heading in paths.items():
        page.goto(base_url)
        page.locator(".paths").get_by_role("link", name=link_text).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
