"""``flask feeds export`` and ``flask feeds check`` through the CLI runner."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from storefront.extensions import db
from storefront.feeds import amazon
from storefront.feeds.models import ChannelListing
from tests.builders import make_carpet


def test_export_google_xml_to_a_file(runner, catalog, tmp_path):
    out = tmp_path / "google-en-US.xml"
    args = ["feeds", "export", "google", "--locale", "en-US", "--out", str(out)]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "google/en-US.xml" in result.output
    root = ET.fromstring(out.read_bytes())
    assert len(root.findall("channel/item")) == 3


def test_export_matches_the_http_body(runner, client, catalog, tmp_path):
    out = tmp_path / "meta.csv"
    result = runner.invoke(args=["feeds", "export", "meta/lang-hi_IN.csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == client.get("/feeds/meta/lang-hi_IN.csv").get_data()


def test_export_amazon_in_parts(runner, catalog, tmp_path, monkeypatch):
    monkeypatch.setattr(amazon, "PART_SIZE", 3)
    out = tmp_path / "amazon-in.json"
    result = runner.invoke(args=["feeds", "export", "amazon", "--locale", "IN", "--out", str(out)])
    assert result.exit_code == 0, result.output
    part2 = tmp_path / "amazon-in.part2.json"
    first, second = json.loads(out.read_text()), json.loads(part2.read_text())
    assert [m["messageId"] for m in first["messages"] + second["messages"]] == [1, 2, 3, 4]


def test_export_refuses_unknown_format_and_locale(runner, catalog, tmp_path):
    out = str(tmp_path / "x")
    assert runner.invoke(args=["feeds", "export", "ebay", "--out", out]).exit_code == 2
    result = runner.invoke(args=["feeds", "export", "google", "--locale", "fr-FR", "--out", out])
    assert result.exit_code == 2 and "en-US.xml" in result.output


def test_check_lists_what_each_channel_would_reject_or_weaken(runner, catalog):
    result = runner.invoke(args=["feeds", "check"])
    assert result.exit_code == 0, result.output
    out = result.output
    tricky = catalog["tricky"].sku
    for channel in ("google:", "meta:", "amazon:", "flipkart:", "alibaba:"):
        assert channel in out
    assert f"{tricky}" in out
    assert "Enter the weight" in out
    assert "Enter the knots per square inch (KPSI)." in out
    assert "No Flipkart product id (FSN) yet" in out
    assert "Flipkart takes whole rupees" in out
    flipkart = out.split("flipkart:")[1].split("alibaba:")[0]
    assert "REJECT" in flipkart and tricky in flipkart


def test_check_in_hindi_and_for_one_channel(runner, catalog):
    result = runner.invoke(args=["feeds", "check", "--channel", "google", "--lang", "hi"])
    assert result.exit_code == 0, result.output
    assert "google:" in result.output and "amazon:" not in result.output
    assert "वज़न भरें" in result.output


def test_set_id_records_an_fsn(runner, catalog):
    carpet = make_carpet()
    db.session.commit()
    result = runner.invoke(args=["feeds", "set-id", "flipkart", carpet.sku, "CRPNEWFSN0000001"])
    assert result.exit_code == 0, result.output
    assert (
        db.session.scalar(
            db.select(ChannelListing.external_id).where(ChannelListing.carpet_id == carpet.id)
        )
        == "CRPNEWFSN0000001"
    )
    assert runner.invoke(args=["feeds", "set-id", "flipkart", "NOPE", "X"]).exit_code == 1


def test_list_prints_every_feed_path(runner):
    result = runner.invoke(args=["feeds", "list"])
    assert "google/hi-IN.xml" in result.output and "alibaba.json" in result.output
