"""Fact-free page bulk (CSS, nav, scripts, ads, footers) for the sample pages.

Deterministic: every generator takes a seed, so re-running build_samples.py
writes byte-identical files. Nothing here may contain a property fact.
"""

from __future__ import annotations

import random

WORDS = (
    "hero gallery tile badge chip rail drawer toolbar crumb panel modal toast "
    "card grid stack pill tab menu dropdown footer header banner promo slot "
    "carousel thumb avatar tooltip overlay sheet divider spacer wrap inner"
).split()

CITIES = (
    "Phoenix Scottsdale Mesa Tempe Chandler Gilbert Glendale Peoria Surprise "
    "Goodyear Avondale Buckeye Cave-Creek Fountain-Hills Queen-Creek Litchfield-Park"
).split()

LEGAL = [
    "All information should be verified by the recipient and none is guaranteed as "
    "accurate by ARMLS. Copyright {year} Arizona Regional Multiple Listing Service, Inc. "
    "All rights reserved.",
    "Information deemed reliable but not guaranteed. Listing information is provided for "
    "consumers' personal, non-commercial use and may not be used for any purpose other than "
    "to identify prospective properties consumers may be interested in purchasing.",
    "We are committed to compliance with the federal Fair Housing Act, which prohibits "
    "discrimination in the sale, rental and financing of dwellings on the basis of race, "
    "color, religion, sex, disability, familial status or national origin.",
    "If you are using a screen reader or having trouble reading this website, please call "
    "our customer support line. This site is protected by reCAPTCHA and the Google Privacy "
    "Policy and Terms of Service apply.",
    "Square footage, acreage and school assignments are approximate and should be "
    "independently verified. School district boundaries are subject to change; contact the "
    "district directly to confirm enrollment eligibility.",
    "Mortgage estimates are for illustration only and do not constitute a loan offer. "
    "Actual rates, payments and costs may vary and depend on credit, loan program and "
    "other factors. Equal Housing Lender.",
]


def css(seed: int, n: int, prefix: str) -> str:
    r = random.Random(seed)
    out = []
    for i in range(n):
        sel = f".{prefix}-{r.choice(WORDS)}-{r.choice(WORDS)}{i}"
        if r.random() < 0.3:
            sel += f" > .{prefix}-{r.choice(WORDS)}"
        props = [
            f"margin:{r.randint(0, 24)}px {r.randint(0, 24)}px",
            f"padding:{r.randint(0, 16)}px",
            f"color:#{r.randint(0, 0xFFFFFF):06x}",
            f"font-size:{r.choice([11, 12, 13, 14, 16, 18, 22])}px",
            f"border-radius:{r.randint(0, 12)}px",
            f"display:{r.choice(['flex', 'block', 'inline-block', 'grid'])}",
        ]
        r.shuffle(props)
        out.append(sel + "{" + ";".join(props[: r.randint(2, 6)]) + "}")
    return "\n".join(out)


def nav_links(seed: int, n: int, base: str) -> list[tuple[str, str]]:
    r = random.Random(seed)
    kinds = ["homes-for-sale", "condos", "townhomes", "new-construction", "open-houses",
             "price-reduced", "luxury", "55-plus", "horse-property", "golf-course"]
    links = []
    for _ in range(n):
        c = r.choice(CITIES)
        k = r.choice(kinds)
        links.append((f"{base}/{c.lower()}/{k}", f"{c.replace('-', ' ')} {k.replace('-', ' ').title()}"))
    return links


def analytics_js(seed: int, tag: str) -> str:
    r = random.Random(seed)
    ids = ",".join(f'"{r.randint(10**9, 10**10 - 1)}"' for _ in range(12))
    return f"""(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{'gtm.start':
new Date().getTime(),event:'gtm.js'}});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
}})(window,document,'script','dataLayer','{tag}');
window.__experiments = [{ids}];
function trackClick(e){{try{{var t=e.target.closest('[data-track]');if(!t)return;
window.dataLayer.push({{event:'ui_click',label:t.getAttribute('data-track'),ts:Date.now()}});}}
catch(err){{console && console.warn && console.warn('track failed',err);}}}}
document.addEventListener('click',trackClick,true);"""


def consent_js(seed: int) -> str:
    r = random.Random(seed)
    vendors = ",".join(f'{{id:{r.randint(1, 999)},purposes:[{r.randint(1, 10)},{r.randint(1, 10)}],legit:{str(r.random() < 0.5).lower()}}}' for _ in range(30))
    return f"""var __cmpVendors=[{vendors}];
function __cmpInit(){{var b=document.getElementById('cmp-banner');if(!b)return;
if(localStorage.getItem('cmp_ok')==='1'){{b.remove();return;}}
b.querySelector('button.ok').addEventListener('click',function(){{localStorage.setItem('cmp_ok','1');b.remove();}});}}
document.readyState==='loading'?document.addEventListener('DOMContentLoaded',__cmpInit):__cmpInit();"""


def ad_js(seed: int) -> str:
    r = random.Random(seed)
    sizes = ",".join(f"[{r.choice([300, 320, 728, 970, 160])},{r.choice([50, 90, 250, 600])}]" for _ in range(20))
    return f"""window.googletag=window.googletag||{{cmd:[]}};
googletag.cmd.push(function(){{
  var sizes=[{sizes}];
  ['ad-top','ad-rail','ad-inline','ad-footer'].forEach(function(id,i){{
    var el=document.getElementById(id); if(!el) return;
    googletag.defineSlot('/21774{r.randint(100, 999)}/re_detail_'+i, sizes, id).addService(googletag.pubads());
  }});
  googletag.pubads().enableSingleRequest(); googletag.pubads().collapseEmptyDivs();
  googletag.enableServices();
}});"""


def legal(seed: int, k: int, year: int = 2026) -> list[str]:
    r = random.Random(seed)
    picks = r.sample(LEGAL, k)
    return [p.format(year=year) for p in picks]


def svg_icon(seed: int, n: int = 6) -> str:
    r = random.Random(seed)
    pts = " ".join(f"{r.randint(0, 64)},{r.randint(0, 64)}" for _ in range(n * 8))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" '
            f'aria-hidden="true"><polyline points="{pts}" fill="none" stroke="currentColor"/></svg>')


def b64_blob(seed: int, n: int) -> str:
    import base64
    r = random.Random(seed)
    return base64.b64encode(bytes(r.getrandbits(8) for _ in range(n))).decode()
