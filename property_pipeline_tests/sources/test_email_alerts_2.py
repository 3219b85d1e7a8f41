"""Alert mails in the wordings of `samples/classes` layout `email_alert_2`, read by the rules.

Each test is one class of the mail's own structure around the listing: quoted ("> ") lines, a
forwarder's note and header, greetings and signatures, an agent's contact block, a mortgage
estimate beside the HOA fee, digests whose other entries are other homes, a subject naming the
home by its street alone, and a home's levels stated as a chip ("Single level").
"""

from __future__ import annotations

from property_pipeline.sources import get_source

MLS = get_source("phoenix_mls")


def read(html: str) -> tuple[dict, str]:
    doc = MLS.parse(html.encode())
    return MLS.extract_rules(doc).values, doc.text


def mail(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


FORWARD = mail("Fwd: Price cut on 4821 W Mariposa Grande Ln", """<pre>
Rafe - this is the one I mentioned, $20K less than the one on Elm St. Worth a look?
Tamsin

---------- Forwarded message ---------
From: Home Alerts &lt;alerts@homes.example&gt;
Subject: Price cut on 4821 W Mariposa Grande Ln
To: &lt;tamsin.okafor@mailbox.example&gt;

&gt; $474,900
&gt; 4821 W Mariposa Grande Ln, Glendale, AZ 85310
&gt; 4 bd | 2 ba | 1,912 sqft | 0.19 ac lot
&gt; Listing ID: 7553301 &middot; Active
&gt; Light-filled split plan on a cul-de-sac with owned solar and a north-facing backyard.
</pre>""")


def test_a_quoted_alert_is_read_without_its_quote_marks():
    values, text = read(FORWARD)
    assert values["list_price"] == 474900 and values["bedrooms_total"] == 4 and values["listing_id"] == "7553301"
    assert values["street_name"] == "W Mariposa Grande Ln" and values["postal_code"] == "85310"
    assert values["public_remarks"].startswith("Light-filled") and "> " not in text


def test_a_forwarders_note_and_the_forward_header_are_no_part_of_the_listing():
    values, text = read(FORWARD)
    assert "Rafe" not in text and "Tamsin" not in text and "$20K" not in text
    assert "tamsin.okafor@mailbox.example" not in text
    assert MLS.personal_values(FORWARD.encode()) >= {"Tamsin"}


AGENT_MAIL = mail("Back on market - 1025 E Hermosa Dr", """<pre>
Hi Delphine,

Good news - a home you asked me to watch is BACK ON MARKET.

1025 E Hermosa Dr, Tempe, AZ 85282
Asking $352,000
3 bd | 1.5 ba | 1,260 sqft
MLS&reg; #7553304

--
Marisol Tenbrook
Lic. #SA682214000
Saguaro Gate Realty | 480-555-0163
8120 S Priest Dr Suite 6, Tempe, AZ 85284
</pre>""")


def test_a_greeting_and_a_signature_are_the_mails_not_the_listings():
    values, text = read(AGENT_MAIL)
    assert "Delphine" not in text and "Marisol Tenbrook" not in text and "SA682214000" not in text
    assert "8120 S Priest Dr" not in text
    assert (values["street_number"], values["list_price"], values["listing_id"]) == ("1025", 352000, "7553304")


def test_an_agent_card_after_a_two_line_address_lends_no_address():
    values, text = read(mail("Just listed in Goodyear: $412,000", """<table width="600">
<tr><td><p style="font-size:24px">$412,000</p><p>3 bd | 2 ba | 1,650 sqft | 0.18 ac lot</p>
<p>16811 W Hilton Ave<br>Goodyear, AZ 85338</p><p>MLS&reg; #: 7553309</p></td></tr>
<tr><td class="agent"><b>Your agent</b><br>Priscilla Vaughan-Oduya<br>Mesa Verde Realty &middot; AZ Lic. BR651120000<br>
623-555-0191<br>14175 W Indian School Rd #B4, Goodyear, AZ 85395</td></tr></table>"""))
    assert (values["street_number"], values["street_name"], values["postal_code"]) == ("16811", "W Hilton Ave", "85338")
    assert values.get("unit_number") is None
    assert "Priscilla Vaughan-Oduya" not in text and "Indian School" not in text


def test_a_mortgage_estimate_under_the_hoa_fee_is_no_fee():
    values, _ = read(mail("Coming soon in Gilbert", """<table width="600"><tr><td>
<h2>2944 E Sierra Madre Ave</h2><p>Gilbert, AZ 85296</p><p style="font-size:24px">$685,000</p>
<p>5 bd | 3 ba | 3,015 sqft</p><p>HOA $86/mo</p><p>Est. payment $4,412/mo <a href="/calc">Customize</a></p>
</td></tr></table>"""))
    assert (values["association_fee"], values["association_fee_frequency"]) == (86, "Monthly")


def test_a_digest_whose_subject_names_the_street_reads_its_featured_card_only():
    cards = "".join(f'<tr><td class="card"><p><b>{price}</b></p><p>{beds} bd | 2 ba</p><p>{street}, Tempe, AZ 85283</p></td></tr>'
                    for price, beds, street in (("$372,000", 2, "1320 W Guadalupe Rd #21"), ("$399,900", 4, "6140 S Rural Rd #104"),
                                                ("$365,000", 3, "2215 E Lemon St")))
    values, text = read(mail("1455 W Baseline Rd #112 and 3 more new matches", f"""<table width="600">
<tr><td><p>3 new matches for your search "Tempe townhomes"</p></td></tr>
<tr><td class="featured"><p><b>$389,500</b></p><p>3 bd | 2.5 ba | 1,604 sqft</p>
<p>1455 W Baseline Rd #112, Tempe, AZ 85283</p><p>MLS&reg; # 7553302</p></td></tr>
<tr><td><h3>Other matches</h3></td></tr>{cards}</table>"""))
    assert (values["list_price"], values["bedrooms_total"], values["unit_number"]) == (389500, 3, "112")
    assert "$372,000" not in text and "Lemon" not in text


def test_a_numbered_digests_other_entries_are_other_homes():
    values, text = read(mail("New listing: 10645 N 69th Dr + 2 more", """<pre>
1. NEW LISTING
   $319,900 - 10645 N 69th Dr, Peoria, AZ 85345
   2 bd | 2 ba | 1,150 sqft
   Built 1986 | 2 car garage | HOA $64/mo
   Listing ID: 7553308

2. PRICE CHANGE
   $334,000 (was $342,000) - 8520 W Mountain View Rd, Peoria, AZ 85345
   3 bd | 2 ba | 1,380 sqft
   Listing ID: 7552991
</pre>"""))
    assert (values["list_price"], values["listing_id"], values["bedrooms_total"]) == (319900, "7553308", 2)
    assert (values["garage_spaces"], values["association_fee"]) == (2, 64)
    assert "7552991" not in text and "Mountain View" not in text


def test_a_levels_chip_states_the_stories_a_sentence_does_not():
    values, _ = read(mail("5335 E Shea Blvd Unit 2014", """<p>$259,000</p><p>5335 E Shea Blvd Unit 2014<br>Scottsdale, AZ 85254</p>
<p>2 bd &middot; 2 ba &middot; 1,032 sqft</p><p>Condo &middot; Single level &middot; Built 1996</p>"""))
    assert values["stories"] == 1
    values, _ = read(mail("5335 E Shea Blvd Unit 2014", """<p>$259,000</p><p>5335 E Shea Blvd Unit 2014<br>Scottsdale, AZ 85254</p>
<p>2 bd &middot; 2 ba</p><p>Open house: see the two-story great room</p>"""))
    assert values.get("stories") is None


def test_a_condo_title_with_its_unit_keeps_the_buildings_other_units_out():
    values, text = read(mail("Condo at 2402 E 5th St #1056", """<h1>Condo at 2402 E 5th St #1056</h1>
<p>2402 E 5th St #1056, Tempe, AZ 85288</p><p>2 bedrooms 2 full baths 1124 sq ft</p><p>Price: $349,500</p>
<section><h2>Similar listings</h2><p>2402 E 5th St #1101 3 bd</p><p>$415,000</p></section>"""))
    assert (values["list_price"], values["bedrooms_total"]) == (349500, 2)
    assert "$415,000" not in text and "#1101" not in text


def test_an_mls_number_only_in_the_listings_link_is_read_when_one_link_names_the_home():
    body = """<h2><a href="https://alerts.example/mls/7553305/2944-e-sierra-madre-ave-gilbert-az-85296">2944 E Sierra Madre Ave</a></h2>
<p>Gilbert, AZ 85296</p><p>$685,000</p><p>5 bd | 3 ba | 3,015 sqft</p>{extra}"""
    values, text = read(mail("Coming soon in Gilbert", body.format(extra="")))
    assert values["listing_id"] == "7553305" and "7553305" in text
    # Links to two listings name no number of this one.
    values, _ = read(mail("Coming soon in Gilbert", body.format(extra='<a href="https://alerts.example/mls/7553999/x">Similar</a>')))
    assert values.get("listing_id") is None
    # A link that names another street lends nothing either.
    values, _ = read(mail("Coming soon in Gilbert", """<h2>2944 E Sierra Madre Ave</h2><p>Gilbert, AZ 85296</p><p>$685,000</p>
<p><a href="https://alerts.example/mls/7553999/1200-w-elm-st-gilbert-az-85296">1200 W Elm St</a></p>"""))
    assert values.get("listing_id") is None


def test_a_text_section_about_other_homes_and_the_mails_footer_stay_out():
    values, text = read(mail("Price cut on a home you viewed", """<pre>
14450 N Frank Lloyd Wright Blvd Unit 2067, Scottsdale, AZ 85260
Now $289,000
1 bd | 1 ba | 812 sqft

Recent sales nearby
  14450 N Frank Lloyd Wright Blvd #1032 - Sold for $276,500 - 1 bd | 1 ba | 760 sqft
  14575 N 91st St #1108 - Sold for $301,000 - 2 bd | 2 ba | 1,015 sqft

Prickly Pear Realty, 9375 E Shea Blvd Suite 100, Scottsdale, AZ 85260
Unsubscribe
</pre>"""))
    assert values["list_price"] == 289000 and values["unit_number"] == "2067"
    assert "$276,500" not in text and "91st" not in text and "Prickly Pear" not in text


def test_homes_like_this_one_are_other_homes():
    _, text = read(mail("Sold near you: 3318 N 47th Dr", """<h1>Sold: 3318 N 47th Dr, Phoenix, AZ 85031</h1>
<p>Sold for $431,000 (listed $425,000)</p><h3>Homes like this one for sale</h3>
<p>$449,000 &middot; 3 bd &middot; 2 ba &middot; 3402 N 49th Ave, Phoenix</p>"""))
    assert "$449,000" not in text


def test_a_description_after_a_short_lead_in_is_the_remarks_and_the_lead_in_no_label():
    text = "Coming soon: a remodeled two-story home with a chef's kitchen, a downstairs guest suite and a heated pool."
    values, _ = read(mail("Coming soon in Gilbert", f"""<h2>2944 E Sierra Madre Ave</h2><p>Gilbert, AZ 85296</p>
<p>$685,000</p><p>5 bd | 3 ba | 3,015 sqft</p><p>{text}</p>"""))
    assert values["public_remarks"] == text and values["pool_private_yn"] is True
    # A label of the vocabulary before a sentence stays a label and its value.
    values, _ = read(mail("2944 E Sierra Madre Ave", """<p>Description: a remodeled two-story home with a chef's kitchen and a
downstairs guest suite near the park.</p>"""))
    assert values["public_remarks"].startswith("a remodeled")


def test_other_mail_clients_forwards_and_replies_keep_their_notes_and_people_out():
    outlook = mail("FW: New listing 902 E Loma Vista Dr", """<p>See below. Ours sold for $410,000 last year.</p><p>Gretchen</p>
<p>________________________________</p>
<p><b>From:</b> Gretchen Albescu<br><b>Sent:</b> Monday, November 23, 2026 9:14 AM<br><b>To:</b> Hollis Albescu</p>
<p>902 E Loma Vista Dr, Tempe, AZ 85282</p><p>$455,000 &middot; 3 beds &middot; 2 baths &middot; 1,540 sq ft</p><p>MLS #7559901</p>""")
    values, text = read(outlook)
    assert (values["list_price"], values["listing_id"]) == (455000, "7559901")
    assert "Gretchen" not in text and "Hollis" not in text and "$410,000" not in text
    reply = mail("Re: 4410 N 33rd Pl", """<pre>
Yes, let's see it Sunday. It is $15K over our budget though.

On Mon, Nov 23, 2026 at 9:14 AM Hollis Albescu wrote:
&gt; 4410 N 33rd Pl, Phoenix, AZ 85018
&gt; $615,000 | 4 bd | 3 ba | 2,210 sqft
&gt; Listing ID 7559902 | Active
</pre>""")
    values, text = read(reply)
    assert (values["list_price"], values["bedrooms_total"]) == (615000, 4)
    assert "Hollis" not in text and "$15K" not in text


def test_a_formal_greeting_and_a_sign_off_are_the_mails():
    _, text = read(mail("Just listed", """<pre>
Hello Mr. Okafor,

JUST LISTED - 1188 W Juniper Ave, Gilbert, AZ 85233
List price: $429,900

Best,
Renata Quill
HomeSmart
</pre>"""))
    assert "Okafor" not in text and "Renata Quill" not in text and "$429,900" in text


def test_a_title_row_over_other_listings_cards_in_a_mail_table():
    cards = "".join(f'<tr><td><p><b>{price}</b></p><p>{beds} bd | 2 ba</p><p>{street}, Tempe, AZ 85283</p></td></tr>'
                    for price, beds, street in (("$372,000", 2, "1320 W Guadalupe Rd"), ("$399,900", 4, "6140 S Rural Rd")))
    for title in ("More matches", "You might also like"):
        values, text = read(mail("Your daily listing alert", f"""<table width="600">
<tr><td><p><b>$389,500</b></p><p>3 bd | 2.5 ba | 1,604 sqft</p><p>1455 W Baseline Rd, Tempe, AZ 85283</p>
<p>MLS # 7559905</p></td></tr><tr><td><h3>{title}</h3></td></tr>{cards}</table>"""))
        assert (values["list_price"], values["bedrooms_total"]) == (389500, 3)
        assert "$372,000" not in text and "Rural" not in text


def test_a_price_changed_to_or_reduced_by_an_amount_to_a_price_is_the_price():
    for line, price in (("Price increased to $519,000 (+$20K)", 519000), ("Reduced by $10,000 to $489,000", 489000),
                        ("Price changed to $495,000", 495000)):
        values, _ = read(mail("Alert", f"<p>2210 E Fairmount Ave, Phoenix, AZ 85016</p><p>{line}</p><p>3 bd &middot; 2 ba</p>"))
        assert values["list_price"] == price, line


def test_a_street_under_a_matches_title_is_not_set_aside_with_the_other_homes():
    """"New matches for your search" may title the mail's own card: its street line stays (a street
    is a listing's identity; only priced lines and a card's stats join the section), so the record
    keeps an address to be filed under."""
    values, text = read(mail("Your saved search", """<pre>
New matches for your search
$449,900
2231 E Pinchot Ave, Phoenix, AZ 85016
3 bd | 2 ba | 1,650 sqft
</pre>"""))
    assert "2231 E Pinchot Ave" in text
    assert values.get("street_number") == "2231" and values.get("postal_code") == "85016"
