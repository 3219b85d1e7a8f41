"""Loss class `email_alert_2`: listing alert mails as portals and agents send them, written anew.

Called by `build_classes.build_extra_classes()`. What these add to `email_alert`: a forwarded mail
(a "---------- Forwarded message ---------" block with From / To / Date / Subject, personal e-mail
addresses, a note of the forwarder naming another price, the alert itself in "> " quoted lines); a
multi-listing digest whose first, featured card is the subject listing and whose other matches carry
their own prices, beds and addresses; a table mail with hidden preheader text; "Price cut $10K"
chips; "Est. payment $2,314/mo" lines; one-liners "3 bd | 2 ba | 1,650 sqft | 0.18 ac lot"; "Sold
for $X (listed $Y)" (the label is the list price); "Back on market" and "Coming soon" wording; agent
signature blocks with phones and license numbers; the brokerage's street address in the unsubscribe
footer; the MLS number as "MLS® #", "Listing ID" or only in the listing's URL. All people, addresses
of people and brokerages are fictitious.
"""

from __future__ import annotations

from build_classes import esc, page, write
from build_samples import CONDO, SFR, TOWN, addr, fields, lot_from_acres, lot_from_sqft

LAYOUT = "email_alert_2"

# 1. A forwarded plain-text price-cut alert: the forwarder's note ("$20K less than the one on Elm")
# above the forward header, the alert quoted with "> ".
R1 = "Light-filled split plan on a cul-de-sac with owned solar and a north-facing backyard."
F1 = fields(listing_id="7553301", standard_status="Active", list_price=474900,
            **addr("4821", "W Mariposa Grande Ln", "Glendale", "85310"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=0, living_area=1912, **lot_from_acres(0.19), year_built=2003, garage_spaces=2,
            public_remarks=R1)
P1 = page("Fwd: Price cut on 4821 W Mariposa Grande Ln", f"""
<pre>
Rafe - this is the one I mentioned, $20K less than the one on Elm St. Worth a drive-by Saturday?
Tamsin

---------- Forwarded message ---------
From: Desert Peak Home Alerts &lt;alerts@desertpeakhomes.example&gt;
Date: Tue, Nov 24, 2026 at 7:02 AM
Subject: Price cut on 4821 W Mariposa Grande Ln
To: &lt;tamsin.okafor@mailbox.example&gt;

&gt; PRICE CUT -$10K
&gt;
&gt; $474,900
&gt; 4821 W Mariposa Grande Ln, Glendale, AZ 85310
&gt; 4 bd | 2 ba | 1,912 sqft | 0.19 ac lot
&gt; Single-family &middot; Built 2003 &middot; 2-car garage
&gt; Listing ID: 7553301 &middot; Active
&gt; Est. payment $2,871/mo
&gt;
&gt; {esc(R1)}
&gt;
&gt; View on map: https://desertpeakhomes.example/map?l=7553301
&gt; Stop these alerts: https://desertpeakhomes.example/u/88412
</pre>""")

# 2. A digest: the featured card is the subject listing (named in the subject), then other matches.
R2 = "End-unit townhome with a two-car garage, a private courtyard and a loft that works as an office."
F2 = fields(listing_id="7553302", standard_status="Active", list_price=389500,
            **addr("1455", "W Baseline Rd", "Tempe", "85283", unit="112"), **TOWN, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=1, living_area=1604, year_built=2008, garage_spaces=2, stories=2, association_yn=True,
            association_fee=215, association_fee_frequency="Monthly", public_remarks=R2)
OTHER2 = [("$372,000", "2 bd", "2 ba", "1,288 sqft", "1320 W Guadalupe Rd #21, Tempe, AZ 85283"),
          ("$399,900", "3 bd", "2.5 ba", "1,702 sqft", "6140 S Rural Rd #104, Tempe, AZ 85283"),
          ("$365,000", "3 bd", "2 ba", "1,455 sqft", "2215 E Lemon St, Tempe, AZ 85281")]
P2 = page("1455 W Baseline Rd #112 and 3 more new matches", f"""
<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table width="600" class="container">
<tr><td><p>3 new matches for your search <b>"Tempe townhomes under $400K"</b></p></td></tr>
<tr><td class="featured">
<p class="eyebrow">FEATURED &middot; NEW LISTING</p>
<a href="https://sunvalleyrealty.example/homes/1455-w-baseline-rd-112-tempe-az-85283/7553302"><img src="https://img.sunvalleyrealty.example/7553302/1.jpg" alt="1455 W Baseline Rd #112"></a>
<p style="font-size:26px"><b>$389,500</b></p>
<p>3 bd &nbsp;|&nbsp; 2.5 ba &nbsp;|&nbsp; 1,604 sqft</p>
<p>1455 W Baseline Rd #112, Tempe, AZ 85283</p>
<p>Townhouse &middot; 2 stories &middot; Built 2008 &middot; HOA $215/mo</p>
<p>{esc(R2)}</p>
<p>MLS&reg; # 7553302</p>
</td></tr>
<tr><td><h3>Other matches</h3></td></tr>
{"".join(f'<tr><td class="card"><p><b>{p}</b></p><p>{b} &nbsp;|&nbsp; {ba} &nbsp;|&nbsp; {s}</p><p>{a}</p></td></tr>' for p, b, ba, s, a in OTHER2)}
<tr><td><p style="font-size:11px">Sun Valley Realty, 2390 E Camelback Rd Suite 130, Phoenix, AZ 85016.
You saved this search on Oct 2. <a href="#">Unsubscribe</a> &middot; <a href="#">Manage alerts</a></p></td></tr>
</table></td></tr></table>""")

# 3. A sold alert in a table mail with hidden preheader text: "Sold for $X (listed $Y)".
R3 = "Block ranch on an oversized lot with an RV gate, a detached workshop and a diving pool."
F3 = fields(listing_id="7553303", standard_status="Closed", list_price=425000,
            **addr("3318", "N 47th Dr", "Phoenix", "85031"), **SFR, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=0, living_area=1486, **lot_from_sqft(9583), year_built=1961, pool_private_yn=True,
            association_yn=False, public_remarks=R3)
P3 = page("Sold near you: 3318 N 47th Dr", f"""
<div style="display:none;max-height:0;overflow:hidden">A home you saved just sold. See what it went for.</div>
<table width="600" align="center" class="body">
<tr><td class="hdr"><img src="https://cactuskey.example/logo.png" alt="Cactus Key Homes"></td></tr>
<tr><td>
<h1 style="font-size:22px">Sold: 3318 N 47th Dr, Phoenix, AZ 85031</h1>
<p style="font-size:20px">Sold for $431,000 (listed $425,000)</p>
<p>3 bd &middot; 2 ba &middot; 1,486 sqft &middot; 9,583 sqft lot</p>
<p>Single Family &middot; Built 1961 &middot; Private pool &middot; No HOA</p>
<p>{esc(R3)}</p>
<p><a href="https://cactuskey.example/l/7553303">See the sale details</a> &middot; <a href="https://cactuskey.example/map/7553303">View on map</a></p>
<p style="color:#777">MLS # 7553303</p>
</td></tr>
<tr><td><h3>Homes like this one for sale</h3>
<p>$449,000 &middot; 3 bd &middot; 2 ba &middot; 1,530 sqft &middot; 3402 N 49th Ave, Phoenix</p>
<p>$415,000 &middot; 4 bd &middot; 2 ba &middot; 1,610 sqft &middot; 4015 W Earll Dr, Phoenix</p></td></tr>
<tr><td style="font-size:11px">Cactus Key Homes, 4747 N 7th St #200, Phoenix, AZ 85014 &middot; Unsubscribe</td></tr>
</table>""")

# 4. "Back on market" from an agent, plain text: MLS® #, a signature block with phones and license numbers.
R4 = "Brick ranch with a new roof, fresh interior paint, a big shade tree in back and alley access."
F4 = fields(listing_id="7553304", standard_status="Active", list_price=352000,
            **addr("1025", "E Hermosa Dr", "Tempe", "85282"), bedrooms_total=3, bathrooms_full=1, bathrooms_half=1,
            living_area=1260, **lot_from_sqft(7405), year_built=1968, garage_spaces=1, public_remarks=R4)
P4 = page("Back on market - 1025 E Hermosa Dr", f"""
<pre>
Hi Delphine,

Good news - a home you asked me to watch is BACK ON MARKET.

1025 E Hermosa Dr, Tempe, AZ 85282
Asking $352,000
3 bd | 1.5 ba | 1,260 sqft | 7,405 sqft lot
Built 1968, 1-car garage
MLS&reg; #7553304

Listing description: {esc(R4)}

The buyer's financing fell through, so it is ready to show again. Let me know if you want to see it this week.

--
Marisol Tenbrook, REALTOR&reg;
Lic. #SA682214000
Saguaro Gate Realty | 480-555-0163 (cell) | 480-555-0100 (office)
marisol@saguarogate.example
8120 S Priest Dr Suite 6, Tempe, AZ 85284
</pre>""")

# 5. "Coming soon", the MLS number only in the listing's URL.
R5 = "Coming soon: a remodeled two-story home with a chef's kitchen, a downstairs guest suite and a heated pool."
F5 = fields(listing_id="7553305", standard_status="Coming Soon", list_price=685000,
            **addr("2944", "E Sierra Madre Ave", "Gilbert", "85296"), **SFR, bedrooms_total=5, bathrooms_full=3,
            bathrooms_half=0, living_area=3015, **lot_from_acres(0.22), year_built=2001, garage_spaces=3, stories=2,
            pool_private_yn=True, association_yn=True, association_fee=86, association_fee_frequency="Monthly",
            public_remarks=R5)
P5 = page("Coming soon in Gilbert", f"""
<span style="display:none">Get a first look before it hits the market.</span>
<table width="600" class="mail"><tr><td>
<p class="chip" style="background:#ffd">COMING SOON</p>
<h2><a href="https://mesquitemls.example/mls/7553305/2944-e-sierra-madre-ave-gilbert-az-85296">2944 E Sierra Madre Ave</a></h2>
<p>Gilbert, AZ 85296</p>
<p style="font-size:24px">$685,000</p>
<p>5 bd | 3 ba | 3,015 sqft | 0.22 ac lot</p>
<p>Single-family &middot; 2 stories &middot; 3-car garage &middot; Built 2001</p>
<p>HOA $86/mo</p>
<p>Est. payment $4,412/mo <a href="https://mesquitemls.example/calc">Customize</a></p>
<p>{esc(R5)}</p>
<p><a href="https://mesquitemls.example/mls/7553305/2944-e-sierra-madre-ave-gilbert-az-85296">View details</a> &middot; <a href="https://mesquitemls.example/mls/7553305/map">View on map</a></p>
</td></tr></table>
<p style="font-size:10px">Mesquite MLS Alerts &middot; 1600 W Warner Rd, Chandler, AZ 85224 &middot; Unsubscribe</p>""")

# 6. An open-house mail for a condo: "Price cut $10K" chip, the unit after the street, HOA, Est. payment.
R6 = "Ground-floor condo steps from the community pool, with new vinyl plank floors and a covered patio."
F6 = fields(listing_id="7553306", standard_status="Active", list_price=259000,
            **addr("5335", "E Shea Blvd", "Scottsdale", "85254", unit="2014"), **CONDO, bedrooms_total=2,
            bathrooms_full=2, bathrooms_half=0, living_area=1032, year_built=1996, stories=1,
            association_yn=True, association_fee=338, association_fee_frequency="Monthly", public_remarks=R6)
P6 = page("Open house Sunday: 5335 E Shea Blvd Unit 2014", f"""
<div class="preheader" style="display:none">Open Sun 12-3 &middot; 2 bd condo in Scottsdale</div>
<table width="600"><tr><td>
<p><span class="chip">Open Sun 11/29, 12-3 PM</span> <span class="chip">Price cut $10K</span></p>
<p style="font-size:22px"><b>$259,000</b></p>
<p>5335 E Shea Blvd Unit 2014<br>Scottsdale, AZ 85254</p>
<p>2 bd &middot; 2 ba &middot; 1,032 sqft</p>
<p>Condo &middot; Single level &middot; Built 1996 &middot; HOA $338/mo</p>
<p>Est. payment $1,944/mo</p>
<p>{esc(R6)}</p>
<p>Listing ID 7553306 &middot; Active</p>
<p><a href="https://ocotillohomes.example/l/7553306">See photos</a> | <a href="https://ocotillohomes.example/l/7553306#map">View on map</a></p>
</td></tr></table>
<p style="font-size:11px">Hosted by Ansel Marquardt, Ocotillo Homes, 602-555-0148. Ocotillo Homes, 3800 N Central Ave Fl 9, Phoenix, AZ 85012. Unsubscribe.</p>""")

# 7. A forwarded HTML status-change mail (gmail_quote): the forwarder's note, the header block, a
# blockquote holding the alert ("Under contract"); the listing's history with older prices.
R7 = "Single-story home on a corner lot with a remodeled kitchen, a three-car garage and mountain views."
F7 = fields(listing_id="7553307", standard_status="Active Under Contract", list_price=548000,
            **addr("7719", "E Camino Real", "Mesa", "85207"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=1, living_area=2206, **lot_from_sqft(10890), year_built=1999, garage_spaces=3, stories=1,
            association_yn=True, association_fee=140, association_fee_frequency="Quarterly", public_remarks=R7)
P7 = page("Fwd: Status change: 7719 E Camino Real is under contract", f"""
<div dir="ltr">Ugh, this one went under contract. Should we offer $560K on the backup? - Jonah</div>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>
From: <strong>Red Rock Realty Alerts</strong> &lt;noreply@redrockrealty.example&gt;<br>
Date: Mon, Nov 23, 2026 at 6:15 PM<br>
Subject: Status change: 7719 E Camino Real is under contract<br>
To: Jonah Whitlock &lt;jonah.whitlock@inbox.example&gt;, &lt;p.whitlock@inbox.example&gt;<br></div><br>
<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">
<table width="600"><tr><td>
<p><b>Status update:</b> Under Contract</p>
<h2>7719 E Camino Real, Mesa, AZ 85207</h2>
<p><b>$548,000</b></p>
<p>4 bd | 2.5 ba | 2,206 sqft | 10,890 sqft lot</p>
<p>Single Family &middot; 1 story &middot; 3-car garage &middot; Built 1999 &middot; HOA $140/qtr</p>
<p>{esc(R7)}</p>
<table class="hist"><tr><th colspan="3">Listing history</th></tr>
<tr><td>11/23/2026</td><td>Under contract</td><td>$548,000</td></tr>
<tr><td>11/02/2026</td><td>Price change</td><td>$559,000</td></tr>
<tr><td>10/18/2026</td><td>Listed</td><td>$575,000</td></tr></table>
<p>MLS #7553307</p>
</td></tr></table>
</blockquote></div>""")

# 8. A plain-text digest: numbered homes; the subject names the first; the others follow it.
R8 = "Updated home with quartz counters, a grassy backyard and a community pool across the street."
F8 = fields(listing_id="7553308", standard_status="Active", list_price=319900,
            **addr("10645", "N 69th Dr", "Peoria", "85345"), bedrooms_total=2, bathrooms_full=2, bathrooms_half=0,
            living_area=1150, **lot_from_sqft(4500), year_built=1986, garage_spaces=2, association_yn=True,
            association_fee=64, association_fee_frequency="Monthly", public_remarks=R8)
P8 = page("New listing: 10645 N 69th Dr + 2 more", f"""
<pre>
Subject: New listing: 10645 N 69th Dr, Peoria + 2 more

Your daily digest for "Peoria under $350K" - 3 homes

1. NEW LISTING
   $319,900 - 10645 N 69th Dr, Peoria, AZ 85345
   2 bd | 2 ba | 1,150 sqft | 4,500 sqft lot
   Built 1986 | 2 car garage | HOA $64/mo
   Listing ID: 7553308
   {esc(R8)}
   https://palobrea.example/l/7553308

2. PRICE CHANGE
   $334,000 (was $342,000) - 8520 W Mountain View Rd, Peoria, AZ 85345
   3 bd | 2 ba | 1,380 sqft
   Listing ID: 7552991

3. BACK ON MARKET
   $299,000 - 9615 N 84th Ave, Peoria, AZ 85345
   2 bd | 1.75 ba | 1,040 sqft
   Listing ID: 7552870

Palo Brea Realty, 15029 N Thompson Peak Pkwy, Scottsdale, AZ 85260
Turn off alerts: https://palobrea.example/u
</pre>""")

# 9. A new-listing mail with the one-liner in a two-cell table, a license line and an agent card.
R9 = "Fresh desert landscaping, an open great room and a covered patio overlooking the greenbelt."
F9 = fields(listing_id="7553309", standard_status="Active", list_price=412000,
            **addr("16811", "W Hilton Ave", "Goodyear", "85338"), **SFR, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=0, living_area=1650, **lot_from_acres(0.18), year_built=2006, garage_spaces=2, stories=1,
            pool_private_yn=False, association_yn=True, association_fee=105, association_fee_frequency="Monthly",
            subdivision_name="Canyon Trails", public_remarks=R9)
P9 = page("Just listed in Goodyear: $412,000", f"""
<table width="600"><tr><td colspan="2"><h1>Just listed</h1></td></tr>
<tr><td width="260"><img src="https://img.mesaverde.example/7553309.jpg" alt="Front of home"></td>
<td><p style="font-size:24px">$412,000</p>
<p>3 bd | 2 ba | 1,650 sqft | 0.18 ac lot</p>
<p>16811 W Hilton Ave<br>Goodyear, AZ 85338</p>
<p>Subdivision: Canyon Trails &middot; Single Family &middot; 1 story</p></td></tr>
<tr><td colspan="2"><p>Built 2006 &middot; 2-car garage &middot; No pool &middot; HOA $105/mo</p>
<p>{esc(R9)}</p>
<p>MLS&reg; #: 7553309 &middot; Listing courtesy of Mesa Verde Realty</p></td></tr>
<tr><td colspan="2" class="agent"><b>Your agent</b><br>Priscilla Vaughan-Oduya<br>Mesa Verde Realty &middot; AZ Lic. BR651120000<br>
623-555-0191 &middot; priscilla@mesaverde.example<br>14175 W Indian School Rd #B4, Goodyear, AZ 85395</td></tr>
</table>
<p style="font-size:11px">You're getting this because you follow Goodyear, AZ. Unsubscribe | Privacy</p>""")

# 10. A plain-text price-drop alert: "Price cut $10K", "Now $X", one-liner of stats, then nearby sales.
R10 = "Top-floor unit with vaulted ceilings, a gas fireplace and a private balcony facing the mountains."
F10 = fields(listing_id="7553310", standard_status="Active", list_price=289000,
             **addr("14450", "N Frank Lloyd Wright Blvd", "Scottsdale", "85260", unit="2067"), **CONDO,
             bedrooms_total=1, bathrooms_full=1, bathrooms_half=0, living_area=812, year_built=2000,
             association_yn=True, association_fee=301, association_fee_frequency="Monthly", public_remarks=R10)
P10 = page("Price cut on a home you viewed", f"""
<pre>
PRICE CUT $10K on a home you viewed

14450 N Frank Lloyd Wright Blvd Unit 2067, Scottsdale, AZ 85260
Now $289,000
1 bd | 1 ba | 812 sqft | Condo | Built 2000
HOA: $301/mo
MLS # 7553310 - Active

"{esc(R10)}"

Est. payment $1,699/mo - see what you can afford

Recent sales nearby
  14450 N Frank Lloyd Wright Blvd #1032 - Sold for $276,500 - 1 bd | 1 ba | 760 sqft
  14575 N 91st St #1108 - Sold for $301,000 - 2 bd | 2 ba | 1,015 sqft

Prickly Pear Realty, 9375 E Shea Blvd Suite 100, Scottsdale, AZ 85260 - Unsubscribe
</pre>""")


def build() -> None:
    """Write the `email_alert_2` pages and their labels into the classes landing zone."""
    pii = {1: ["Tamsin", "tamsin.okafor@mailbox.example", "Rafe"],
           4: ["Delphine", "Marisol Tenbrook", "marisol@saguarogate.example", "480-555-0163"],
           6: ["Ansel Marquardt", "602-555-0148"],
           7: ["Jonah Whitlock", "jonah.whitlock@inbox.example", "p.whitlock@inbox.example"],
           9: ["Priscilla Vaughan-Oduya", "priscilla@mesaverde.example", "623-555-0191"]}
    pages = [P1, P2, P3, P4, P5, P6, P7, P8, P9, P10]
    labels = [F1, F2, F3, F4, F5, F6, F7, F8, F9, F10]
    for i, (data, f) in enumerate(zip(pages, labels), start=1):
        write("phoenix_mls", f"mls_{f['listing_id']}.html", data, LAYOUT, f, pii=pii.get(i, []))
