"""Arizona's places, for telling an out-of-area record from an Arizona one when the state is
not stated: every incorporated city and town, and the larger unincorporated communities and
postal place names (a listing's city is often its postal name: Laveen, Anthem, Sun City)."""

from __future__ import annotations

import re

_PLACES = """
apache junction, avondale, benson, bisbee, buckeye, bullhead city, camp verde, carefree, casa grande,
cave creek, chandler, chino valley, clarkdale, clifton, colorado city, coolidge, cottonwood,
dewey-humboldt, douglas, duncan, eagar, el mirage, eloy, flagstaff, florence, fountain hills,
fredonia, gila bend, gilbert, glendale, globe, goodyear, guadalupe, hayden, holbrook, huachuca city,
jerome, kearny, kingman, lake havasu city, litchfield park, mammoth, marana, maricopa, mesa, miami,
nogales, oro valley, page, paradise valley, parker, patagonia, payson, peoria, phoenix, pima,
pinetop-lakeside, prescott, prescott valley, quartzsite, queen creek, safford, sahuarita, san luis,
scottsdale, sedona, show low, sierra vista, snowflake, somerton, south tucson, springerville,
st johns, star valley, superior, surprise, taylor, tempe, thatcher, tolleson, tombstone, tucson,
tusayan, wellton, wickenburg, willcox, williams, winkelman, winslow, youngtown, yuma,
ahwatukee, anthem, aguila, arizona city, arlington, black canyon city, catalina, chandler heights,
desert hills, ehrenberg, fort mohave, fortuna foothills, gold canyon, golden valley, green valley,
higley, laveen, litchfield, mayer, morristown, new river, oracle, rio rico, rio verde, saddlebrooke,
san manuel, san tan valley, sun city, sun city west, sun city grand, sun lakes, tonopah, tubac, vail,
village of oak creek, waddell, wittmann, yarnell, congress, cordes lakes, dolan springs, heber,
overgaard, sonoita, ajo, kayenta, tuba city, chinle, window rock, ganado, sacaton, stanfield,
casas adobes, catalina foothills, tanque verde, picture rocks, three points, drexel heights,
flowing wells, sun valley, lake montezuma, rimrock, cornville, paulden, pine, strawberry, munds park,
ahwatukee foothills, moon valley, arcadia, desert ridge, cave creek, fort mcdowell, rio verde,
tortilla flat, goldfield, superstition mountains, circle city, palo verde, arlington, buckeye valley
"""
ARIZONA_PLACES = frozenset(p.strip() for p in _PLACES.replace("\n", " ").split(",") if p.strip())


def _fold(text: str) -> str:
    return re.sub(r"[^a-z]+", " ", text.lower().replace("saint ", "st ").replace("st. ", "st ")).strip()


_FOLDED = frozenset(_fold(p) for p in ARIZONA_PLACES)


def is_arizona_place(city: str) -> bool:
    """True when `city` names an Arizona place ("Sun City West", "St. Johns", "PHOENIX", "Phoenix, AZ")."""
    folded = _fold(city)
    return folded in _FOLDED or folded.removesuffix(" az").removesuffix(" arizona") in _FOLDED
