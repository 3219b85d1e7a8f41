"""Does a value look like a person's (or an owner entity's) name? An independent detector.

The no-personal-data check must not share the extractor's blind spots: the adapters keep
owner data out by which keys they read; this module judges values by their shape alone.
It is used on fields that should never hold a name (subdivision, street, city), where real
values are place names: "Arcadia Estates", "Sun City Unit 12", "5th & Smith Center".

Signals, any one of which is enough:
- owner-entity wording: ET AL, ETUX, C/O, In Care Of, TR / TRUST / TRUSTEE, LLC, Estate of, ...;
- an ampersand joining a first name ("SMITH JOHN A & MARY", "John & Jane Doe");
- a first name next to a middle initial ("John Q. Public", "DOE JANE A");
- a whole value of two to four name words with a first name among them and no place word
  ("DOE JANE", "Mary Smith").
"""

from __future__ import annotations

import re
from functools import cache

# Common US first names (Social Security and census lists, most frequent), without those that
# are mostly place names here (Phoenix, Chandler, Sierra, Austin, ...).
_FIRST_NAMES = (
    """
    aaron abigail adam adrian aiden alan albert alberto alejandro alex alexander alexandra alexis alfred
    alice alicia allen allison alma alvin amanda amber amy ana andre andrea andrew angel angela angelica
    angelina anita ann anna anne annette annie anthony antonio april arlene armando arnold arthur ashley
    audrey barbara barry beatrice becky ben benjamin bernard bernice beth betty beverly bill billy bob
    bobby bonnie brad bradley brandon brandy brenda brent brett brian bridget brittany bruce bryan byron
    calvin cameron carl carla carlos carmen carol carole caroline carolyn carrie casey cassandra catherine
    cathy cecilia charlene charles charlie charlotte chelsea cheryl chris christian christina christine
    christopher christy cindy claire clara clarence claude claudia clayton clifford clinton clyde cody
    colleen connie constance corey courtney craig crystal curtis cynthia daisy dale dan dana daniel danielle
    danny darlene darrell darren daryl dave david dawn dean deanna debbie deborah debra delores denise
    dennis derek derrick diana diane dianne dolores don donald donna dora doris dorothy douglas duane dustin
    dwayne dylan earl eddie edgar edith edna eduardo edward edwin eileen elaine eleanor elena elizabeth
    ellen elsie emily emma enrique eric erica erik erin ernest esther ethan ethel eugene eunice eva evan
    evelyn felix fernando florence floyd frances francis francisco frank franklin fred freda frederick
    gabriel gail gary gene geneva george gerald geraldine gilberto gina glen glenda glenn gloria gordon
    greg gregory gretchen guadalupe gustavo gwendolyn harold harry harvey hazel heather hector heidi helen
    henry herbert herman hilda holly howard hugh hugo ian ida irene iris irma isaac isabel ivan jack
    jackie jacob jacqueline jaime james jamie jan jane janet janice jared jasmine jason javier jay jean
    jeanette jeanne jeff jeffery jeffrey jennie jennifer jenny jeremy jerome jerry jesse jessica jessie
    jesus jill jim jimmie jimmy jo joan joann joanne joe joel john johnny jon jonathan jorge jose josef
    joseph josephine joshua joy joyce juan juanita judith judy julia julian julie june justin karen karl
    kate katherine kathleen kathryn kathy katie katrina kay kayla keith kelly ken kenneth kent kevin kim
    kimberly kirk kristen kristin kristina kurt kyle lance larry laura lauren laurie lawrence leah lee
    leo leon leona leonard leroy leslie lester lillian linda lindsay lindsey lisa lloyd lois lonnie lora
    loretta lori lorraine louis louise lucia lucille lucy luis luke lydia lynn mabel maria marian marie
    marilyn mario marion marjorie mark marlene marsha marshall martha martin marvin mary matthew mattie
    maureen maurice max maxine megan melanie melinda melissa melvin mercedes michael michele michelle
    miguel mike mildred milton minnie miriam misty mitchell molly monica nancy naomi natalie nathan
    nathaniel neil nellie nicholas nicole noah nora norma norman olga olive oliver oscar pablo pam pamela
    patricia patrick patsy patty paul paula pauline pedro peggy penny pete peter philip phillip phyllis
    priscilla rachel rafael ralph ramon ramona randall randy ray raymond rebecca regina renee rhonda
    ricardo richard rick ricky rita robert roberta roberto robin rodney roger roland ronald ronnie rosa
    rosemary ross roy ruben ruby russell ruth ryan sabrina sally salvador sam samantha samuel sandra sara
    sarah scott sean sergio seth shane shannon sharon shawn sheila shelly sherri sherry shirley sidney
    sophia stacey stacy stanley stella stephanie stephen steve steven sue susan suzanne sylvia tamara
    tammy tanya tara ted teresa terri terry thelma theodore theresa thomas tiffany tim timothy tina todd
    tom tommy toni tony tracy travis troy tyler valerie vanessa vera vernon veronica vicki vickie victor
    victoria vincent viola violet virgil wade wallace walter wanda warren wayne wendy wesley willard
    william willie wilma yolanda yvonne zachary
    abdul ahmed ali amit anh anil aniket arjun carmela chidi deepak dragan dmitri elif emeka erik ernesto
    fatima giovanni greta hans hiroshi ingrid jiho kenji kwame lan lars linh margareta marisela marisol
    mila minh mohammed muhammad ngozi olu priya rahul raj ravi rolf ruchi sanjay sergei sunil susana sven
    thanh tuan wei xin yuki yusuf devon tessa thandiwe
    """
)
FIRST_NAMES = frozenset(_FIRST_NAMES.split())

# Words of place names: a value holding one is a place, not a person ("Morrison Ranch", "W Palm Ln").
_PLACE_WORDS = (
    """
    n s e w ne nw se sw north south east west ranch rancho ranchettes estates estate unit units lot lots
    lt tract tr parcel phase ph block blk sec section amd amended replat rev park parks village villages
    villa villas heights hills hill acres place manor gardens garden community communities homes home
    townhomes townhouses condominium condominiums condo condos club country square terrace vista vistas
    crossing center centre commons common green greens lake lakes pointe point ridge canyon canyons
    mountain mountains foothills farms farm subdivision addition add townsite mcr city sun grand palms
    palm royal view views springs spring meadows meadow trails trail highlands highland gate gates creek
    valley mesa desert oasis casitas patio patios court courts way street st road rd avenue ave drive dr
    lane ln boulevard blvd parkway pkwy circle cir place pl trl loop run pass path row alley plaza
    corners station preserve landing pines oaks woods grove orchard orchards shadows bounds metes tower
    towers lofts apartments resort golf harbor shores island islands bay cove glen glenn vineyard
    vineyards sierra montana verde del de la las los el santa san rio casa casas paseo cielo monte
    tierra buena bella vida sol luna agua fria arroyo camino calle encanto sonoran saguaro camelback
    estrella paradise quail cactus mission marina village's wood woodland woodlands brook brooks field
    fields crest knoll knolls bluff bluffs shadow sky horizon haven retreat reserve vistas towne town
    new old upper lower grande amd. incorporated county
    """
)
PLACE_WORDS = frozenset(_PLACE_WORDS.split())

_ENTITY = re.compile(
    r"\b(?:ET\s*AL|ETAL|ET\s*UX|ETUX|ET\s*VIR|ETVIR|C\s*/\s*O|IN\s+CARE\s+OF|CARE\s+OF|ATTN|JT\s*TEN|JTWROS|"
    r"TRUSTEES?|TRUST|TRS|LIVING\s+TR|FAMILY\s+TR|REVOCABLE|ESTATE\s+OF|HEIRS?\s+OF|DECD|DECEASED|"
    r"LLC|L\s*\.\s*L\s*\.\s*C|LLP|LP|LTD|INC|CORP|PARTNERSHIP|HOLDINGS)\b\.?|^\s*(?:MR|MRS|MS|MISS)\b\.?\s+\w|"
    r"\b(?:CITY|TOWN|STATE|COUNTY)\s+OF\s*$",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", re.sub(r"[^\w&/'\-,\s]", " ", text).strip()) if w]


def _first(word: str) -> bool:
    return word.lower().strip("'") in FIRST_NAMES


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isalpha() and word.upper() not in "NSEW"


def _trustee(words: list[str]) -> bool:
    """"DOE JANE TR": TR (trustee) closing a name; in "Spring Flower Tr" it is a trail."""
    ends = [i for i, w in enumerate(words) if w.upper() == "TR" and (i + 1 == len(words) or words[i + 1] in "&/")]
    return bool(ends) and not any(len(w) > 1 and w.lower() in PLACE_WORDS for w in words[: ends[0]])


def _ampersand_joins_names(words: list[str]) -> bool:
    for i, word in enumerate(words):
        if word == "&":
            near = words[max(0, i - 2): i] + words[i + 1: i + 3]
            if any(_first(w) for w in near):
                return True
    return False


def _initial_next_to_first_name(words: list[str]) -> bool:
    for i, word in enumerate(words):
        if _initial(word):
            before = words[i - 1] if i else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            # "John Q Public" or "DOE JANE A": the first name sits right before the initial.
            if _first(before) and (after.isalpha() and len(after) > 1 or not after or after == "&"):
                return True
    return False


def _name_words_only(words: list[str]) -> bool:
    """The whole value is a few name words: "DOE JANE", "NGUYEN THANH V", "PATEL ANIKET & RUCHI",
    "DELGADO MARISOL/THOMAS J"; never with a place word, a digit or a single word."""
    joined = [w for w in words if w not in ("&", "/")]
    longest = 8 if len(joined) < len(words) else 5
    if not 2 <= len(joined) <= longest or any(not re.fullmatch(r"[A-Za-z][A-Za-z'\-]*", w) for w in joined):
        return False
    # A trailing single letter is a middle initial ("OKAFOR CHIDI N"), not a direction.
    body = joined[:-1] if len(joined) > 2 and len(joined[-1]) == 1 else joined
    if any(w.lower() in PLACE_WORDS for w in body) or sum(len(w) > 1 for w in joined) < 2:
        return False
    if any(_first(w) for w in joined):
        return True
    # Without a known first name: a trailing middle initial or names joined by "&" or "/".
    return len(joined[-1]) == 1 and len(joined) >= 3 or len(joined) < len(words)


@cache
def looks_like_person_name(text: str) -> bool:
    """True for values shaped like a person's or an owner entity's name ("SMITH JOHN A & MARY",
    "John Q. Public", "DOE JANE TR", "C/O ...", "ET AL", "... FAMILY TRUST", "... LLC")."""
    if not text or not re.search(r"[A-Za-z]", text):
        return False
    if _ENTITY.search(text):
        return True
    words = [w.strip(".") for w in _words(re.sub(r"([&/])", r" \1 ", text)) if w.strip(".")]
    return (
        _trustee(words) or _ampersand_joins_names(words) or _initial_next_to_first_name(words) or _name_words_only(words)
    )
