"""Bodies: a head noun from the gazetteer (`Ban`, `Sở`, `Thành ủy` …) and the words of its name."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg import gazetteer
from kg.errors import DataError
from kg.extract.lexicon import Lexicon, PhraseMatcher, lexicon, listed, opens_time_phrase, place_at
from kg.extract.text import Sentence, Token, tokenize
from kg.gazetteer import BodyHead
from kg.normalize import fold

MINED = "mined_bodies.tsv"  # written by `kg mine`
OUTLETS = "outlets.tsv"
MAX_BRACKET = 8  # tokens inside a credit's brackets
MAX_OUTLET_WORDS = 6
MAX_LOWER_RUN = 6  # lower-case words inside a name before a capital (`Ban Bồi thường giải phóng mặt bằng quận …`)
NAMESAKE_KINDS = frozenset({"education", "health"})  # schools and hospitals named after persons
KNOWN_TAIL = 3  # words after a known body's name that may still lead on to its place (`… độc lập của tỉnh`)
MAX_PLACE_NUMBER = 2  # digits of a numbered district or ward (`quận 10`)
MAX_TRAILING_LOWER = 3  # lower-case words ending a name (`Đoàn kiểm tra`, `Dự báo kinh tế`)
MAX_ADMIN_WORDS = 2  # words of an admin word (`thành phố`)
MAX_FIELD_WORDS = 4  # words of a field of data/break_compounds.txt (`công nghệ thông tin`)
MAX_MEDIUM_WORDS = 2  # words of a newspaper's medium (`điện tử`)
MAX_INTERNATIONAL_WORDS = 4  # words of a phrase of data/international_words.txt (`Bắc Đại Tây Dương`)
MINISTRY = "ministry"  # the kind of ministries and of their provincial departments (data/bodies.tsv)
FIELD_KINDS = frozenset({MINISTRY, "party", "national assembly"})  # heads named by a field (`Sở Tài chính`)
MAX_COMMON_WORDS = 2  # syllables of a word of data/common_words.txt (`tư vấn`)


@dataclass(frozen=True)
class BodyMention:
    start: int  # token indices in the sentence
    end: int
    name: str
    head: BodyHead


def breaks() -> PhraseMatcher[str]:
    """Lower-case words that end a body's name (`đối với`, `ở`): data/body_breaks.txt."""
    return listed("body_breaks.txt")


def local_places() -> PhraseMatcher[str]:
    """Districts and towns of two words or more that the corpus names (data/local_places.txt)."""
    return listed("local_places.txt")


@lru_cache(maxsize=1)
def known_bodies() -> PhraseMatcher[BodyHead]:
    """Bodies known by their whole name: Vietnam's central bodies and those `kg mine` established."""
    rows = [(name, kind) for name, kind, _ in gazetteer.triples("central_bodies.tsv") + gazetteer.mined_triples(MINED)]
    return PhraseMatcher((name, BodyHead(name, kind, complete=True, local=False)) for name, kind in rows)


@dataclass(frozen=True)
class Outlet:
    name: str  # the name it is listed under (`Báo Dân trí` for `Dân trí`)
    anywhere: bool  # read in running text, not only in a credit line or a bracket
    kind: str = "press"


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """Bodies known by a name with no head noun, by the exact name printed: news outlets (`data/outlets.tsv`,
    then those `kg mine` found), and the companies and clubs `kg mine` found by their Latin names (`Nike`)."""
    found = {written: Outlet(name, where == "anywhere") for written, name, where in gazetteer.triples(OUTLETS)}
    honorifics = {word for word, _ in gazetteer.pairs("honorifics.tsv")}
    for _, phrase, head in known_bodies().phrases.values():
        if (head.kind == "press" or (head.kind == "company" and phrase.isascii())) and len(phrase) > 1 \
                and phrase not in honorifics:  # not `L` nor `TS` (a credit `Theo TS …`)
            found.setdefault(phrase, Outlet(phrase, True, head.kind))
    return found


@lru_cache(maxsize=1)
def _outlet_first_words() -> frozenset[str]:
    return frozenset(written.split()[0] for written in outlets())


def _outlet_head(outlet: Outlet) -> BodyHead:
    return BodyHead(outlet.name, outlet.kind, complete=True, local=False)


def _outlet_at(tokens: tuple[Token, ...], i: int, lex: Lexicon, credit: bool) -> tuple[int, Outlet] | None:
    """An outlet printed at tokens[i] exactly as listed (`Thanh Niên`, not `thanh niên`), not a place
    named after it (`đường Thanh Niên`); `credit` admits the names read only in credits (`Tin Tức`)."""
    if tokens[i].text not in _outlet_first_words():
        return None
    for end in range(min(len(tokens), i + MAX_OUTLET_WORDS), i, -1):
        written = " ".join(t.text for t in tokens[i:end])
        outlet = outlets().get(written)
        if outlet and (credit or outlet.anywhere) and not (i and _ends_admin_word(tokens, i, lex)):
            return end, outlet
    return None


def _inside_another_name(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> bool:
    """Whether an outlet's or a company's Latin name at tokens[i] is part of another name: after a form of
    address (`ông Fox`, `bà London`) or after another foreign word (`Harrison Ford`, `Megan Fox`, `Financial
    Times`, `Radio Free Europe`). After a title it is the title's body (`CEO Apple`, `HLV Chelsea`), and before
    a word its product (`Google Maps`)."""
    before = tokens[i - 1].text if i else ""
    after_foreign = before.isalpha() and before[0].isupper() and _foreign_word(before) \
        and before not in _outlet_first_words()  # not a credit `Quỳnh/Báo Dân trí`, a list `Monaco PSG`
    return after_foreign or any(lex.honorifics.ending_at(tokens, i, 2))


def credited_outlets(sentence: Sentence, lex: Lexicon) -> list[BodyMention]:
    """Outlets in credits, which running text does not read: `Hùng Cường/VOV.VN`, `(Nguồn: AFP/TTXVN)`,
    `Phúc Hằng (TTXVN)`, `TTXVN/Tin Tức`."""
    tokens, found = sentence.tokens, []
    if "/" not in sentence.text and "(" not in sentence.text:
        return found  # no token holds a slash or opens a bracket
    for i, token in enumerate(tokens):
        if "/" in token.text and len(token.text) > 1:
            found += [BodyMention(i, i + 1, o.name, _outlet_head(o)) for o in _slashed(token.text, tokens, i)]
        elif token.text == "(" and (close := _bracket_end(tokens, i)):
            found += _bracketed(tokens, i + 1, close, lex)
    return found


def _bracket_end(tokens: tuple[Token, ...], i: int) -> int | None:
    """The index of the `)` closing a short bracket opened at tokens[i]."""
    return next((k for k in range(i + 1, min(i + MAX_BRACKET + 2, len(tokens))) if tokens[k].text == ")"), None)


def _bracketed(tokens: tuple[Token, ...], start: int, end: int, lex: Lexicon) -> list[BodyMention]:
    """The outlets of a bracket that holds a credit: outlets, cues and capitalised words (`(Nguồn: AFP)`,
    `(Theo Minh Anh/Tuổi Trẻ)`), not a phrase (`(Tin tức y khoa)`)."""
    found, k = [], start
    while k < end:
        m = None if tokens[k - 1].is_capitalised else _outlet_at(tokens, k, lex, credit=True)
        if m:
            found.append(BodyMention(k, m[0], m[1].name, _outlet_head(m[1])))
        elif tokens[k].is_word and not tokens[k].is_capitalised and tokens[k].folded not in lex.cues["bracket-credit"]:
            return []
        k = m[0] if m else k + 1
    return found


def _slashed(text: str, tokens: tuple[Token, ...], i: int) -> list[Outlet]:
    """The outlets among the parts of `Cường/VOV.VN`, `AFP/TTXVN`, `Khánh/VOV-TP.HCM`; the first part may
    begin in the tokens before (`Thông tấn xã Việt` `Nam/Tin`) and the last go on in the next (`Tức`)."""
    parts = text.split("/")
    before = [" ".join(t.text for t in tokens[k:i]) for k in range(max(0, i - MAX_OUTLET_WORDS), i)]
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    found = []
    for n, part in enumerate(parts):
        tries = [f"{b} {part}" for b in before] if n == 0 else []
        tries += [f"{part} {after}"] if n == len(parts) - 1 and after else []
        outlet = next((o for t in tries if (o := outlets().get(t))), None) or _outlet_named(part)
        if outlet:
            found.append(outlet)
    return found


def _outlet_named(part: str) -> Outlet | None:
    """The outlet a credit's part names: as listed, or before a bureau (`VOV-Vientiane`)."""
    part = part.strip(" .,;:()")
    listed = outlets()
    return listed.get(part) or listed.get(part.split("-")[0].strip())


def _known_end(tokens: tuple[Token, ...], i: int, head_end: int, end: int, lex: Lexicon) -> int:
    """`Bộ Công an điều tra …`: a known body's name ends where it ends, not at the verb after it.

    Only lower-case words are cut, and only when none of the first few leads to a place or a body
    (`Sở Y tế tỉnh …`, `Tổ Thẩm định độc lập của tỉnh …`); farther on they are another clause
    (`Tạp chí Cộng sản tổ chức Hội nghị … của Bộ Chính trị`).
    """
    known = known_bodies().match(tokens, i, capitalised=tokens[i].is_capitalised)  # `đảng Dân chủ kiện …` too
    if known is not None and known[0] > end and all(t.is_word for t in tokens[end:known[0]]):
        return known[0]  # `Tổng cục Thể dục thể thao`, `Ngân hàng Nhà nước`: a known name goes on in lower case
    if known is None or not head_end < known[0] < end:
        return end
    nxt = tokens[known[0]]
    if nxt.is_capitalised and nxt.is_word and _names_next(tokens, known[0], lex) \
            and not place_at(tokens, known[0], lex) and _central(known[1]):
        return known[0]  # `Bộ Tài chính David Gauke`, `Bộ … nông thôn Nguyễn Xuân Cường`: the next item
    if nxt.is_capitalised or not nxt.is_word or any(
            linked(t, lex) or _leads_to_place(tokens, k, lex)
            for k, t in enumerate(tokens[known[0]:min(end, known[0] + KNOWN_TAIL)], known[0])):
        return end
    return known[0]


def _names_next(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """`David`, `Nguyễn Xuân`: a foreign word, or a surname before another capitalised word, starts a name."""
    return _foreign_word(tokens[k].text) or (
        tokens[k].text in lex.surnames and k + 1 < len(tokens) and tokens[k + 1].is_capitalised)


def _leads_to_place(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """`tỉnh Long An`, `tỉnh`: an admin word, or a place word before a capitalised name (not `tổ chức`)."""
    place = lex.place_words.match(tokens, k)
    return lex.admin_words.match(tokens, k) is not None or (
        place is not None and place[0] < len(tokens) and tokens[place[0]].is_capitalised)


def starts_person(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """Whether a Vietnamese name (surname, then capitalised words) starts at tokens[k], not a province's or a
    country's (`Hà Nội`, `Hà Lan`, `Thái Lan`, `Hàn Quốc`)."""
    return (tokens[k].text in lex.surnames and k + 1 < len(tokens) and tokens[k + 1].is_capitalised
            and tokens[k + 1].is_word and lex.provinces.match(tokens, k, capitalised=True) is None
            and lex.countries.match(tokens, k, capitalised=True) is None)


def _surname_then_given_names(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """Whether tokens[k] is a surname, then one to three capitalised Vietnamese words that are no place (first), no
    body and no acronym, then no other capitalised word: a person's name (`Đoàn Xuân Hưng`, `Đoàn Nguyên Đức`), not
    a known body (`Đoàn Thanh niên`: `thanh niên` is words of one) nor `Đoàn Việt Nam`, `Đoàn Hà Nội`."""
    if not starts_person(tokens, k, lex) or place_at(tokens, k + 1, lex) or known_bodies().match(tokens, k):
        return False
    given = k + 1
    while given < len(tokens) and given - k <= 3 and tokens[given].is_capitalised and tokens[given].is_word:
        if tokens[given].text.isupper() or _foreign_word(tokens[given].text) \
                or lex.body_heads.match(tokens, given, capitalised=True):
            return False
        given += 1
    return given > k + 1 and (given == len(tokens) or not tokens[given].is_capitalised
                              and fold(f"{tokens[given - 1].text} {tokens[given].text}") not in _known_pairs())


def _breaks_name(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """A capitalised word that starts a new item rather than continuing a body's name, or a sentence
    glued to it (`Quân khu 7 Được biết …`: data/name_enders.txt; `Trường X Ngày 5/6 …`)."""
    return (lex.roles.match(tokens, k, capitalised=True) is not None
            or tokens[k].text in lex.name_enders
            or _addresses_someone(tokens, k, lex)
            or starts_person(tokens, k, lex)
            or opens_time_phrase(tokens, k, lex)
            or _glued_opener(tokens, k))


def _glued_opener(tokens: tuple[Token, ...], k: int) -> bool:
    """`… Sở Y tế Tuy nhiên, …`: a sentence opener before a comma starts the next sentence, glued without a stop."""
    m = _openers().match(tokens, k, capitalised=True)
    return m is not None and m[0] < len(tokens) and tokens[m[0]].text == ","


@lru_cache(maxsize=1)
def _openers() -> PhraseMatcher[str]:
    """Sentence openers (data/sentence_openers.txt) that no known body's name writes (not `Dự án`, `Xây dựng`)."""
    kept = (w for w in gazetteer.words("sentence_openers.txt") if fold(w) not in _known_pairs())
    return PhraseMatcher((w, w) for w in kept)


def _addresses_someone(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """A form of address or a degree before a name or a word (`Nhà báo Thuận Hữu`, `Anh hùng`), not an occupation
    that names an association before its place or at its end (`Hội Nhà báo Việt Nam`, `Đoàn Luật sư thành phố …`)."""
    m = lex.honorifics.match(tokens, k, capitalised=True)
    if m is None:
        return False
    nxt = m[0]
    return nxt < len(tokens) and tokens[nxt].is_word and place_at(tokens, nxt, lex) is None \
        and lex.admin_words.match(tokens, nxt) is None  # not `Đài Tưởng niệm Anh hùng …` either


def name_end(tokens: tuple[Token, ...], j: int, lex: Lexicon, allow: frozenset[str] = frozenset(),
             proper: bool = False, namesake: bool = False) -> int:
    """Where the name that follows a head noun at tokens[j:] ends.

    `allow` lists stop words that may stand inside this name (`lần thứ` in a document's title);
    a `proper` name ends at its last capitalised word; a `namesake` may be named after a person
    (`Bệnh viện Bạch Mai`, `Trường Nguyễn Du`).
    """
    n, k, last_capital, lower_run = len(tokens), j, j, 0
    while k < n:
        t = tokens[k]
        if not t.is_word:
            if t.text.isdigit() and (k == j or _head_ends_at(tokens, k, lex)):  # `Quân khu 7`, `Bộ Tư lệnh Quân khu 7`
                if k + 1 < n and tokens[k + 1].is_word and not tokens[k + 1].is_capitalised:
                    return k + 1  # `Chi bộ 4 đối với …`, `Quân khu 7 tổ chức …`: a number ends the name
                k = last_capital = k + 1
                continue
            if _place_number(tokens, k) and k > j and _name_word_ends(tokens, k, j) and not _clause_after(tokens, k + 1):
                k = last_capital = k + 1  # `Bệnh viện Nhi đồng 1 (…)`, `… Nhi đồng 2,`: a number names one of a kind
                continue
            if t.text in "-–&" and k + 1 < n and tokens[k + 1].is_capitalised and k > j \
                    and lex.body_heads.match(tokens, k + 1, capitalised=True) is None \
                    and not _breaks_name(tokens, k + 1, lex):
                k += 1  # `Lao động - Thương binh và Xã hội`, `Kế hoạch & Đầu tư` (not `Quỹ X - Đài Y`)
                continue
            if t.text == "," and k > j and _series_goes_on(tokens, k + 1, lex):
                k += 1  # `Văn hóa, Thể thao và Du lịch`
                continue
            break
        if t.is_capitalised:
            if "/" in t.text and _outlet_named(t.text.rsplit("/", 1)[1]):
                return j  # `Theo Đoàn Loan/VnExpress`, `Báo Lam/VnE`: a credit's reporter and outlet, no body's name
            if _foreign_word(t.text) and _after_role(tokens, j, lex):
                break  # `Bộ trưởng Tài chính David Gauke`: after a title, a foreign word is its holder
            if k > j and _holder_after(tokens, k) and (_acronym(tokens[k - 1]) or after_place(tokens, k, lex)) \
                    and _titled_head(tokens, j, lex):
                break  # `Chủ tịch Hội đồng RUSO Ivan Nikitchuk`, `Bộ trưởng Bộ An ninh Somalia Ahmed Mohamud`: after a
                # titled body's acronym or country, a foreign name is the title's holder
            if k > j and not tokens[k - 1].is_capitalised and _ends_admin_word(tokens, k, lex) \
                    and not province_level_person(tokens, k, lex):
                return place_end(tokens, k, lex)
            if namesake and k == j and starts_person(tokens, k, lex):
                return place_end(tokens, k, lex)  # `Bệnh viện Bạch Mai`: named after a person, it ends there
            if k > last_capital > j and _latin_end(tokens[last_capital - 1]) and starts_item(tokens, k, lex) \
                    and not linked(tokens[k - 1], lex):  # not `… lần thứ XIII của Đảng`
                return last_capital  # `Ngân hàng MHB thành lập Công ty MHBS`: a verb after a Latin name, then an item
            if _breaks_name(tokens, k, lex):
                if _local_place_at(tokens, k) and _after_placed_head(tokens, k, lex):
                    return place_end(tokens, k, lex)  # `Ban Thường vụ Huyện ủy Trần Văn Thời`: a district, not a person
                break
            place = place_at(tokens, k, lex)
            if k > j and place is None and (person := lex.known_names.match(tokens, k, capitalised=True)) \
                    and person[0] - k > 1:
                break  # `Hội đồng Liên bang Valentina Matvienko`: a known person's name after the body's is another item
            if place and proper and place < n and tokens[place].is_capitalised and tokens[place].is_word \
                    and not _breaks_name(tokens, place, lex):
                k = last_capital = place  # `Ngân hàng Thương mại cổ phần Sài Gòn Thương Tín`
                continue
            if place and place == k + 1 and lex.countries.match(tokens, k, capitalised=True) \
                    and _goes_on(tokens, place, lex) and len(tokens[place].text) > 1:
                return place + 1  # `Bệnh viện Đa khoa Đức Giang`: a one-syllable country starts a place's name
            if place:  # a province or a country ends the name, or a pair of countries (`Việt Nam - Lào`)
                return _country_pair(tokens, k, place, lex) or place
            k = last_capital = k + 1
            lower_run = 0
            continue
        word = t.folded
        nxt = tokens[k + 1] if k + 1 < n else None
        if linked(t, lex):
            if k == j:
                break  # `Đoàn và …`: a head alone, then another item
            if nxt is not None and nxt.is_capitalised and not _breaks_name(tokens, k + 1, lex) and (
                    word in lex.cues["of"] or not starts_item(tokens, k + 1, lex)):
                k += 1
                continue
            if word in lex.cues["of"] and lex.admin_words.match(tokens, k + 1):
                k += 1
                continue
            break
        stop = lex.stopwords.match(tokens, k)
        if stop and (_finishes_a_word(tokens, j, k, stop[0], lex) or (last_capital > j and compound_end(tokens, k))):
            k += 1  # `Cục Hàng không Việt Nam`, `Trung tâm Giới thiệu việc làm`: the stop word ends a word of the name
            continue
        if (stop and not (stop[0] == k + 1 and word in allow)) or lower_run >= MAX_LOWER_RUN \
                or _breaks_here(tokens, k) or (not allow and _closed_before(tokens, j, k)):
            break
        admin = lex.admin_words.match(tokens, k)
        if admin and _place_number(tokens, admin[0]):
            return admin[0] + 1  # `Trung tâm Y tế quận 1`: a numbered place ends the name, as a named one does
        if admin:  # `… mặt bằng quận Tân Phú`: an admin word leads to a place, and is not counted
            k = admin[0]
            continue
        lower_run += 1
        k += 1
    if k > j and _after_minister(tokens, j, lex) and not _ministry_field(tokens, j, k, lex):
        return j  # `Bộ trưởng Dũng đề cập`: a minister's name, not a ministry's field
    if k > j and (known := _known_after_role(tokens, j, k, lex)):
        return known  # `Tổng cục trưởng Du lịch gọi điện`: `Tổng cục Du lịch` is known, the rest a verb
    trailing = k - last_capital
    if proper and last_capital == j:
        return j  # `Tập đoàn tới …`: a proper name needs a capitalised word
    ends_in_admin = any(lex.admin_words.ending_at(tokens, k, MAX_ADMIN_WORDS, since=last_capital))
    if k > last_capital > j and (_foreign_word(tokens[last_capital - 1].text)
                                 or (_acronym(tokens[last_capital - 1]) and not ends_in_admin)
                                 or (not ends_in_admin and _proper_pair_before(tokens, j, last_capital))):
        return last_capital  # `Đại học Sydney khuyên …`, `Hiệp hội DNNVV chia sẻ`, `… Hòe Nhai mua`: no words after it
    if proper and last_capital > j:
        # `Báo Lao Động` ends at its capitals; `Tạp chí Tiên phong`, `đảng Cộng hòa`, `… Kinh doanh và Xây dựng`
        # keep the second syllable of a lone capital
        lone = (last_capital - 1 == j or not tokens[last_capital - 2].is_capitalised) \
            and not _acronym(tokens[last_capital - 1]) and len(tokens[last_capital - 1].text) > 1  # not `khu vực I`
        end = min(k, last_capital + 1) if lone and k > last_capital else last_capital
        return compound_end(tokens, end) or end
    too_long = trailing > (MAX_LOWER_RUN if ends_in_admin else MAX_TRAILING_LOWER)  # `… mặt bằng quận`: kept
    if lower_run >= MAX_LOWER_RUN or too_long or after_place(tokens, last_capital, lex):
        return _trim_admin(tokens, j, last_capital, k, lex)
    return k


def _names_an_affair(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """A foreign word among the first two at tokens[k] (not an acronym: `Vụ ASEAN`), or the proper head of another
    body (`Công ty`, `Báo`) before a capitalised word, right after a department's one-word head (`Vụ`, `Cục`; not a
    ministry's, `Bộ Ayurveda`): no department is named so."""
    if k >= len(tokens) or not tokens[k].is_word or not tokens[k].is_capitalised:
        return False
    if any(t.is_capitalised and len(t.text) > 1 and not t.text[:2].isupper() and _foreign_word(t.text)
           for t in tokens[k:k + 2]):
        return True  # `Vụ De Gea`, `Vụ Watergate`; not an acronym glued to a word (`Cục QLĐTdễ`)
    inner = lex.body_heads.match(tokens, k, capitalised=True)
    return inner is not None and inner[2].proper and inner[0] < len(tokens) and tokens[inner[0]].is_capitalised \
        and fold(f"{tokens[inner[0] - 1].text} {tokens[inner[0]].text}") not in _known_pairs()  # `Cục Báo Chí`


def _holder_after(tokens: tuple[Token, ...], k: int) -> bool:
    """Two foreign words at tokens[k], no acronym among them (`Mario Draghi`, `Ivan Nikitchuk`)."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and nxt.is_capitalised and nxt.is_word and not _acronym(tokens[k]) and not _acronym(nxt) \
        and _foreign_word(tokens[k].text) and _foreign_word(nxt.text)


def _titled_head(tokens: tuple[Token, ...], j: int, lex: Lexicon, longest: int = 4) -> bool:
    """Whether a title ends right before the body head that ends at tokens[j] (`Chủ tịch` `Hội đồng`)."""
    return any(_after_role(tokens, m[3], lex) for m in lex.body_heads.ending_at(tokens, j, longest, capitalised=True))


def _name_word_ends(tokens: tuple[Token, ...], k: int, j: int) -> bool:
    """Whether a word of the name ends right before tokens[k]: a capitalised one (`Licogi 13`), or a lone capital's
    lower-case syllable that known bodies write with it (`Nhi đồng 1`), not a verb (`VAMC xử lý 44`)."""
    before = tokens[k - 1]
    if before.is_capitalised:
        return before.is_word
    return k - 2 >= j and before.is_word and tokens[k - 2].is_capitalised \
        and fold(f"{tokens[k - 2].text} {before.text}") in _known_pairs()


def _clause_after(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether a lower-case word at tokens[k] would go on after a number (`… 2 lần`, `… 2 ngày`): the number is the
    clause's then, not the name's."""
    return k < len(tokens) and tokens[k].is_word and not tokens[k].is_capitalised


def _latin_end(token: Token) -> bool:
    """`MHB`, `Sydney`: an acronym or a foreign word, which no Vietnamese lower-case word goes on."""
    return _acronym(token) or _foreign_word(token.text)


def _breaks_here(tokens: tuple[Token, ...], k: int) -> bool:
    """A clause word of data/body_breaks.txt at tokens[k] (`Sở Y tế thông tin …`), unless it ends a field's compound
    begun before it (`Cục Công nghệ thông tin`: data/break_compounds.txt)."""
    m = breaks().match(tokens, k)
    fields = _break_compounds().ending_at(tokens, m[0], MAX_FIELD_WORDS) if m else ()
    return m is not None and not any(start < k for *_, start in fields)


def _proper_pair_before(tokens: tuple[Token, ...], j: int, k: int) -> bool:
    """`Bệnh viện Đa khoa Hòe Nhai`, `Trung tâm YTDP Nghi Xuân`: two capitalised words before tokens[k] that
    known bodies never write together (no field's words, not `Du lịch`) are a proper name, which no lower-case
    word goes on (but a word's second syllable, `Đội Cảnh sát`, `Bộ Y tế`, or after an acronym, `MTV Thiết bị`)."""
    if k - 2 <= j or (tokens[k - 3].is_capitalised and not _acronym(tokens[k - 3])):
        return False  # the pair must be the whole run of capitals (not `Tân Tạo Tuyển` of `Tuyển sinh`)
    pairs = _known_pairs()
    return all(t.is_word and t.is_capitalised and not _latin_end(t) for t in tokens[k - 2:k]) \
        and fold(f"{tokens[k - 2].text} {tokens[k - 1].text}") not in pairs \
        and fold(f"{tokens[k - 1].text} {tokens[k].text}") not in pairs


def _closed_before(tokens: tuple[Token, ...], j: int, k: int) -> bool:
    """`… Trung ương đón nhận`: a lower-case word at tokens[k] after a word that closes a name (data/name_closers.txt),
    which known bodies do not write before it (`Trung ương đảng`); a document's title, read with `allow`, goes on
    (`Nghị quyết … Trung ương khóa IX`)."""
    m = next(_closers().ending_at(tokens, k, MAX_FIELD_WORDS, since=j, capitalised=True), None)
    return m is not None and fold(f"{tokens[k - 1].text} {tokens[k].text}") not in _known_pairs()


def _closers() -> PhraseMatcher[str]:
    return listed("name_closers.txt")


def _break_compounds() -> PhraseMatcher[str]:
    """Fields that end in a clause word (`công nghệ thông tin`): data/break_compounds.txt."""
    return listed("break_compounds.txt")


def _compounds() -> PhraseMatcher[str]:
    """Two-syllable words a body's name holds although their second syllable is a stop word (data/name_compounds.txt)."""
    return listed("name_compounds.txt")


def compound_end(tokens: tuple[Token, ...], k: int) -> int | None:
    """The end of a word of data/name_compounds.txt begun right before tokens[k] (`Thiết` `bị`, `việc` `làm`)."""
    m = _compounds().match(tokens, k - 1) if 0 < k < len(tokens) else None
    return m[0] if m is not None and m[0] == k + 1 else None


def _goes_on(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """Whether one capitalised Vietnamese syllable at tokens[k], and no other after it, makes the place name
    before it a longer one (`thành phố Mỹ Tho`, `huyện Anh Sơn`), rather than starting a place, a body, a
    person (`tỉnh Tuyên Quang Chẩu Văn Lâm`) or a foreign name."""
    t, after = tokens[k] if k < len(tokens) else None, tokens[k + 1] if k + 1 < len(tokens) else None
    return t is not None and t.is_capitalised and t.is_word and not (after and after.is_capitalised) \
        and not (_foreign_word(t.text) or _acronym(t) or _breaks_name(tokens, k, lex) or place_at(tokens, k, lex)
                 or lex.roles.match(tokens, k) is not None  # `tỉnh Hòa Bình Tổng giám đốc …`
                 or starts_item(tokens, k, lex) or lex.admin_words.match(tokens, k, capitalised=True))


def _whole_province(tokens: tuple[Token, ...], k: int, end: int, lex: Lexicon) -> bool:
    """A province's whole name at tokens[k:end], which no syllable makes longer (`tỉnh Hòa Bình Tổng hội …`)
    unless a district is named after it (`huyện Điện Biên Đông`)."""
    m = lex.provinces.match(tokens, k, capitalised=True)
    return m is not None and m[0] == end and not admin_level_before(tokens, k, "named-after-province", lex)


def _acronym(token: Token) -> bool:
    """`DNNVV`, `HAGL`: a word of capitals, which a Vietnamese name ends at rather than running on in lower case."""
    return token.is_word and len(token.text) > 1 and token.text.isupper()


def _country_pair(tokens: tuple[Token, ...], k: int, end: int, lex: Lexicon) -> int | None:
    """The end of `Việt Nam - Lào` when a country at tokens[k:end] is paired with another by a dash."""
    if end + 1 < len(tokens) and tokens[end].text in "-–" and lex.countries.match(tokens, k, capitalised=True):
        other = lex.countries.match(tokens, end + 1, capitalised=True)
        return other[0] if other else None
    return None


def _finishes_a_word(tokens: tuple[Token, ...], j: int, k: int, stop_end: int, lex: Lexicon) -> bool:
    """A one-syllable stop word after the name's first, capitalised syllable, with the name going on in
    capitals (`Hàng không Việt Nam`), not a clause after a whole name (`Nghệ An với Bộ …`) nor after an
    acronym, which is no syllable a stop word finishes (`Tổng công ty BĐVN đã Khai trương …`)."""
    nxt = stop_end
    first = k == j + 1 or (k > j + 1 and not tokens[k - 2].is_capitalised)  # `… hữu hạn Hàng không Tre Việt`
    return first and stop_end == k + 1 and tokens[k - 1].is_capitalised and not _acronym(tokens[k - 1]) \
        and nxt < len(tokens) \
        and tokens[nxt].is_capitalised and tokens[nxt].is_word and not _breaks_name(tokens, nxt, lex) \
        and not starts_item(tokens, nxt, lex)


def _central(name: str) -> bool:
    """Whether `name` is one of Vietnam's central bodies (kg.hierarchy, which imports this module)."""
    from kg.hierarchy import central_name
    return central_name(name) is not None


def _foreign_word(word: str) -> bool:
    """`Sydney`, `GreenID`: a word no Vietnamese syllable spells (kg.extract.names, which imports this module)."""
    from kg.extract.names import looks_foreign
    return looks_foreign(word)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    return frozenset(fold(phrase) for _, phrase, _ in known_bodies().phrases.values())


def _known_after_role(tokens: tuple[Token, ...], j: int, k: int, lex: Lexicon, longest: int = 4) -> int | None:
    """Where a known body ends that a title's head and tokens[j:k] spell, lower-case words after it."""
    head = next((m[2].head for size in range(min(longest, j), 0, -1)  # the longest title: not `Cục trưởng`
                 if (m := lex.roles.match(tokens, j - size)) and m[0] == j and m[2].head), None)  # of `Tổng cục trưởng`
    if head is None:
        return None
    for end in range(k - 1, j, -1):
        if tokens[end].is_capitalised or not tokens[end].is_word:
            return None
        if fold(f"{head} {' '.join(t.text for t in tokens[j:end])}") in _known_names():
            return end
    return None


def _after_minister(tokens: tuple[Token, ...], j: int, lex: Lexicon, longest: int = 3) -> bool:
    """Whether a minister's title (`Bộ trưởng`, `Thứ trưởng`: head `Bộ`) ends at tokens[j]."""
    return any(m[2].head == ministry_head() for m in lex.roles.ending_at(tokens, j, longest))


@lru_cache(maxsize=1)
def _ministries() -> tuple[str, ...]:
    """Vietnam's ministries, folded, from data/central_bodies.tsv."""
    return tuple(fold(name) for name, kind, _ in gazetteer.triples("central_bodies.tsv") if kind == MINISTRY)


@lru_cache(maxsize=1)
def ministry_head() -> str:
    """The head noun every ministry of data/central_bodies.tsv starts with (`Bộ`)."""
    heads = {name.split()[0] for name, kind, _ in gazetteer.triples("central_bodies.tsv") if kind == MINISTRY}
    if len(heads) != 1:
        raise DataError(f"data/central_bodies.tsv: the ministries start with {sorted(heads)}, not one head noun")
    return heads.pop()


@lru_cache(maxsize=1)
def department_head() -> str:
    """The head noun of a province's department, the local body of a ministry's kind in data/bodies.tsv (`Sở`)."""
    heads = [h.head for _, _, h in lexicon().body_heads.phrases.values() if h.kind == MINISTRY and h.local]
    if len(heads) != 1:
        raise DataError(f"data/bodies.tsv: local heads of kind {MINISTRY}: {heads}, not one")
    return heads[0]


def _ministry_field(tokens: tuple[Token, ...], j: int, k: int, lex: Lexicon) -> bool:
    """Whether tokens[j:k] begin a ministry's field: the start of a ministry's name (`Nông nghiệp` of
    `Bộ Nông nghiệp và Phát triển nông thôn`), or a foreign one's with its country (`Ngân khố Mỹ`)."""
    start = fold(f"{ministry_head()} {tokens[j].text}")
    return any(m == start or m.startswith(start + " ") for m in _ministries()) or any(
        place_at(tokens, m, lex) for m in range(j, k))


def _head_ends_at(tokens: tuple[Token, ...], k: int, lex: Lexicon, longest: int = 3) -> bool:
    """Whether a body's head noun ends at tokens[k] (`Quân khu` before `7`)."""
    return any(lex.body_heads.ending_at(tokens, k, longest, capitalised=True))


def _after_role(tokens: tuple[Token, ...], j: int, lex: Lexicon, longest: int = 4) -> bool:
    """Whether a title ends at tokens[j] (`Bộ trưởng` before `Tài chính`)."""
    return any(lex.roles.ending_at(tokens, j, longest))


def province_level_person(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """`UBND thành phố Nguyễn Đức Chung`: after `tỉnh` or `thành phố` comes a province, so a name is a person,
    unless it is a city the corpus names (`thành phố Uông Bí`: data/local_places.txt)."""
    return admin_level_before(tokens, k, "province", lex) and place_at(tokens, k, lex) is None \
        and starts_person(tokens, k, lex) and not _local_place_at(tokens, k)


@lru_cache(maxsize=1)
def _admin_levels() -> dict[str, str]:
    """Admin word → its level in data/admin_words.txt (`tỉnh` → `province`), for the words that have one."""
    return {word: level for word, level in gazetteer.pairs("admin_words.txt") if level}


def admin_level_before(tokens: tuple[Token, ...], k: int, level: str, lex: Lexicon) -> bool:
    """Whether an admin word of this level (data/admin_words.txt) ends right before tokens[k]."""
    return any(_admin_levels().get(m[1]) == level for m in lex.admin_words.ending_at(tokens, k, MAX_ADMIN_WORDS))


def place_end(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> int:
    """The end of the place name at tokens[k] (`phường Lê Thanh Nghị`), which ends a body's name.

    A local place name has at least two words when two capitalised words follow (`huyện Hải Hà`); a known
    place's name that a capitalised syllable goes on is a longer one (`thành phố Mỹ Tho`, `huyện Nga Sơn`).
    """
    place = place_at(tokens, k, lex)
    local = local_places().match(tokens, k, capitalised=True)
    if local and (place is None or local[0] > place):  # `huyện Mỹ Đức`, not the country `Mỹ`
        return place_at(tokens, local[0], lex) or local[0]  # `TP Thủ Dầu Một`, `huyện An Lão Hải Phòng`
    if place and (_whole_province(tokens, k, place, lex) or not _goes_on(tokens, place, lex)):
        return place
    if place is None and tokens[k].text in lex.name_enders:
        return k  # `UBND TP. Theo …`: the next sentence, glued to a bare admin word, names no place
    end = place or k + 1
    if end < len(tokens) and tokens[end].is_capitalised and tokens[end].is_word:
        end += 1
    while end < len(tokens) and tokens[end].is_capitalised and tokens[end].is_word \
            and not _breaks_name(tokens, end, lex):
        end += 1
    return end


def _ends_admin_word(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """`phường Lê Thanh Nghị`, `trung học phổ thông Bùi Hữu Nghĩa`: after an admin or place word,
    capitalised words are a place or a namesake, not a person."""
    return any(lex.admin_words.ending_at(tokens, k, 4)) or any(lex.place_words.ending_at(tokens, k, 4))


def linked(token: Token, lex: Lexicon) -> bool:
    """`của`, `và` (data/cue_words.tsv: `of`, `and`): a word that links two names, or two words of one."""
    return token.folded in lex.cues["of"] or token.folded in lex.cues["and"]


def starts_item(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """`… và Ban Bí thư`, `… và Nghị quyết …`: `và` joins two items, not two words of one name."""
    return (lex.body_heads.match(tokens, k, capitalised=True) is not None
            or lex.document_types.match(tokens, k, capitalised=True) is not None)


def _series_goes_on(tokens: tuple[Token, ...], k: int, lex: Lexicon, longest: int = 4) -> bool:
    """After a comma, `Thể thao và Du lịch`: fields of one name, closed by `và` and a capital, not a new item."""
    for m in range(k, min(k + longest, len(tokens) - 1)):
        t = tokens[m]
        if not t.is_word or (m == k and not t.is_capitalised) or _breaks_name(tokens, m, lex) \
                or starts_item(tokens, m, lex) or place_at(tokens, m, lex):
            return False
        if t.folded in lex.cues["and"]:
            return m > k and tokens[m + 1].is_capitalised and not _breaks_name(tokens, m + 1, lex) \
                and not starts_item(tokens, m + 1, lex)
    return False


def after_place(tokens: tuple[Token, ...], end: int, lex: Lexicon) -> bool:
    """Whether the capitalised words before `end` are a place name, which takes no lower-case tail."""
    return any(end - size >= 0 and place_at(tokens, end - size, lex) == end for size in (1, 2, 3, 4))


def _place_number(tokens: tuple[Token, ...], k: int) -> bool:
    """`quận 1`, `phường 12`: a district or a ward of a city may be named by a number."""
    return k < len(tokens) and tokens[k].text.isdigit() and len(tokens[k].text) <= MAX_PLACE_NUMBER


def place_tail(tokens: tuple[Token, ...], j: int, lex: Lexicon) -> int:
    """After a head that takes only a place: `tỉnh Đồng Tháp`, `quận 1`, `Hải Phòng`, a bare `tỉnh`, or nothing."""
    if j >= len(tokens):
        return j
    admin = lex.admin_words.match(tokens, j)
    if admin and (not tokens[j].is_capitalised or (admin[0] < len(tokens) and tokens[admin[0]].is_capitalised)):
        nxt = admin[0]  # `tỉnh Đồng Tháp`, a bare `tỉnh`, `Thủ đô Vientiane` (not `Tỉnh` `ủy`)
        if nxt < len(tokens) and tokens[nxt].is_capitalised and tokens[nxt].is_word \
                and not province_level_person(tokens, nxt, lex):
            return place_end(tokens, nxt, lex)
        return nxt + 1 if _place_number(tokens, nxt) else nxt
    if tokens[j].is_capitalised and tokens[j].is_word \
            and (not _breaks_name(tokens, j, lex) or _local_place_at(tokens, j)):  # `Quận ủy Hoàng Mai`
        head = lex.body_heads.match(tokens, j, capitalised=True)
        if head and head[0] < len(tokens) and tokens[head[0]].is_word:  # `Đảng bộ Sở Tài nguyên và Môi trường …`
            tail = place_tail if head[2].placed else name_end
            return tail(tokens, head[0], lex)
        if _field_at(tokens, j, lex):
            return name_end(tokens, j, lex)  # `Công an Môi trường xã Yên Bình`: a department, then its place
        return place_end(tokens, j, lex)
    return j


def _after_placed_head(tokens: tuple[Token, ...], k: int, lex: Lexicon, longest: int = 3) -> bool:
    """Whether a head that only a place may follow (`Huyện ủy`, `Công an`) ends right before tokens[k]."""
    return any(m[2].placed for m in lex.body_heads.ending_at(tokens, k, longest, capitalised=True))


def _local_place_at(tokens: tuple[Token, ...], k: int) -> bool:
    """`Hoàng Mai`, `Phan Thiết`: a district the corpus names starts at tokens[k], though it reads as a person."""
    return local_places().match(tokens, k, capitalised=True) is not None


def _field_at(tokens: tuple[Token, ...], j: int, lex: Lexicon) -> bool:
    """`Môi trường`, `Kinh tế`: a capitalised word and a lower-case one that known bodies' names write
    together, and no place (`Công an Môi trường`, not the place of `Công an Vinh điều tra`)."""
    return j + 1 < len(tokens) and tokens[j + 1].is_word and not tokens[j + 1].is_capitalised \
        and fold(f"{tokens[j].text} {tokens[j + 1].text}") in _known_pairs() and place_at(tokens, j, lex) is None


def _trim_admin(tokens, j: int, last_capital: int, k: int, lex: Lexicon) -> int:
    """End a name soon after its last capitalised word.

    A bare trailing admin word stays (`… tỉnh`), and so does the second syllable of a
    capitalised word (`… Đào tạo`), but nothing after a place name.
    """
    if after_place(tokens, last_capital, lex):
        return last_capital
    m = lex.admin_words.match(tokens, last_capital)
    if m and m[0] <= k:
        return m[0]
    if last_capital > j and last_capital < k and tokens[last_capital].is_word:
        return last_capital + 1
    return last_capital


def _after_lower_newspaper(sentence: Sentence, i: int, lex: Lexicon) -> BodyMention | None:
    """`trên báo Giáo dục Việt Nam`, `báo điện tử Dân trí`: a newspaper's name after a lower-case `báo`,
    not after a word that `báo` ends (`nhà báo`, `tình báo`, `cảnh báo`: data/not_bodies.txt); a name not
    listed must be closed by punctuation or a stop word (not `báo Người lao` `động`, `báo KTĐT đưa` `tin`)."""
    tokens = sentence.tokens
    heads, media = _newspaper_words()
    if heads.isdisjoint(t.text for t in tokens[max(0, i - 1 - MAX_MEDIUM_WORDS):i]):
        return None  # no `báo` before a medium's words
    medium = next(media.ending_at(tokens, i, MAX_MEDIUM_WORDS, since=1), None)
    start = (medium[3] if medium else i) - 1
    if start < 0 or tokens[start].text not in heads or (start and lex.not_bodies.match(tokens, start - 1)):
        return None
    head = lex.body_heads.match(tokens, start, capitalised=False)
    if head is None or head[2].kind != "press":
        return None
    if listed := _outlet_at(tokens, i, lex, credit=True):  # `báo Tuổi trẻ`
        return BodyMention(i, listed[0], listed[1].name, _outlet_head(listed[1]))
    end = name_end(tokens, i, lex, proper=True)
    if end == i + 1 and end < len(tokens) and tokens[end].is_word and not tokens[end].is_capitalised \
            and not lex.stopwords.match(tokens, end):
        end += 1  # `báo Giao thông`: a lone capital's second syllable
    closed = end == len(tokens) or not tokens[end].is_word or lex.stopwords.match(tokens, end) is not None
    return BodyMention(i, end, f"{head[2].head} {sentence.span_text(i, end)}", head[2]) if end > i and closed else None


@lru_cache(maxsize=1)
def _newspaper_words() -> tuple[frozenset[str], PhraseMatcher[str]]:
    """data/newspaper_words.tsv: the heads (`báo`, matched as written) and the media (`điện tử`)."""
    rows = gazetteer.pairs("newspaper_words.tsv")
    heads = frozenset(w for w, part in rows if part == "head")
    return heads, PhraseMatcher((w, w) for w, part in rows if part == "medium")


def _one_word_name(words: tuple[Token, ...]) -> bool:
    """Whether a name is one capitalised word or a number, alone or with lower-case words that known bodies
    never write after it: a school is named in full (`Trường Nguyễn Du`) or by its kind (`Trường Sĩ quan
    lục quân`, `Trường Tiểu học Kim Đồng`), not `Trường Giang dò hỏi`, `Trường Sơn`, `Trường 24`."""
    named = [t for t in words if t.is_capitalised or t.text.isdigit()]
    if len(named) != 1 or named[0] is not words[0]:
        return False
    return len(words) == 1 or fold(f"{words[0].text} {words[1].text}") not in _known_pairs()


def _ends_given_name(tokens: tuple[Token, ...], i: int, end: int) -> bool:
    """`thay Xuân Trường bằng chân sút …`: a one-word head right after a capitalised word of the sentence, then a
    lower-case word that known bodies never write after it, ends a person's name (`Xuân Trường`, `Đan Trường`)."""
    return 0 < i and end == i + 1 < len(tokens) and tokens[i - 1].is_word and tokens[i - 1].is_capitalised \
        and tokens[end].is_word and not tokens[end].is_capitalised \
        and fold(f"{tokens[i].text} {tokens[end].text}") not in _known_pairs()


@lru_cache(maxsize=1)
def _known_pairs() -> frozenset[str]:
    """Consecutive words of the known bodies' names, folded (`sĩ quan`, `mầm non`, `chính trị`)."""
    return frozenset(f"{a} {b}" for name in _known_names() for a, b in zip(name.split(), name.split()[1:]))


def _unnamed(head: BodyHead, words: tuple[Token, ...]) -> bool:
    """A kind of body (`Hội đồng quản trị`): a head that is not local, and only lower-case words after it,
    or a kind of body however capitalised (`Hội đồng Quản trị`: data/body_kinds.txt)."""
    if head.local or head.complete:
        return False
    return not any(t.is_capitalised or t.text.isdigit() for t in words) \
        or fold(" ".join([head.head, *(t.text for t in words)])) in _kinds()


@lru_cache(maxsize=1)
def _kinds() -> frozenset[str]:
    return frozenset(fold(w) for w in gazetteer.words("body_kinds.txt"))


def unnamed_body(name: str, lex: Lexicon) -> bool:
    """Whether a body's canonical name names no one body (`Hội đồng quản trị`, `Đoàn kiểm tra` left
    without its full name; `Bộ Quốc phòng ASEAN`, the ministries of a bloc's states), so that it is neither
    listed nor a position's body."""
    tokens = tokenize(name)
    m = lex.body_heads.match(tokens, 0, capitalised=True)
    if m is not None and m[2].head == ministry_head() \
            and any(_international_words().ending_at(tokens, len(tokens), MAX_INTERNATIONAL_WORDS)):
        return True
    if m is None:
        return False
    if m[0] == len(tokens):
        return m[2].local  # a bare `Ủy ban nhân dân`, `Công an`: a local body that no place completed
    return _unnamed(m[2], tokens[m[0]:]) or _generic_end(tokens, m, lex)


def _generic_end(tokens: tuple[Token, ...], head: tuple[int, str, BodyHead], lex: Lexicon) -> bool:
    """`Văn phòng Sở`, `Hội đồng kỷ luật Hội`, `Ủy ban nhân dân tỉnh`: a name that ends in a bare head noun (the body
    the article spoke of, not named again; not a proper or complete one, `Ban Tổ chức Trung ương Đảng`), or a local
    body's name that no place completed, bare or in a bare admin word (not `Vụ Khoa giáo văn xã`), names a part of no
    one body."""
    last = len(tokens) - 1
    if tokens[last - 1].is_capitalised and last - 1 >= head[0]:
        return False  # `Cục Hải quan Hải Phòng`, `Đài … Nam Bộ`: the last word ends a proper name
    m = lex.body_heads.match(tokens, last, capitalised=True)
    if m is not None and m[0] == len(tokens) and not (m[2].proper or m[2].complete):
        return True
    return head[2].local and any(lex.admin_words.ending_at(tokens, len(tokens), MAX_ADMIN_WORDS, since=head[0]))


def _international_words() -> PhraseMatcher[str]:
    return listed("international_words.txt")


def international(name: str) -> bool:
    """`Hội đồng châu Âu`, `Ủy ban Olympic quốc tế`: a name with a word of data/international_words.txt."""
    return bool(_international_words().starts(tokenize(name)))


def find_body(sentence: Sentence, i: int, lex: Lexicon, lower_head: bool = False,
              known: bool = True) -> BodyMention | None:
    """The body whose head noun starts at token i, if one does; `known` names (`known_bodies`) end there."""
    tokens = sentence.tokens
    m = lex.body_heads.match(tokens, i, capitalised=not lower_head)
    if m is None and known and tokens[i].is_capitalised and (outlet := _outlet_at(tokens, i, lex, credit=False)) \
            and not _inside_another_name(tokens, i, lex):
        return BodyMention(i, outlet[0], outlet[1].name, _outlet_head(outlet[1]))  # `Reuters`, `Dân trí`
    if m is None and known and tokens[i].is_capitalised and (paper := _after_lower_newspaper(sentence, i, lex)):
        return paper
    if m is None:
        return None
    veto = lex.not_bodies.match(tokens, i)
    if veto and veto[0] >= m[0]:  # `Tổ chức` is a verb, `Tổ chức Y tế Thế giới` a body
        return None
    end, _, head = m
    head_end = end
    if end == i + 1 and _surname_then_given_names(tokens, i, lex):
        return None  # `Đại sứ Đoàn Xuân Hưng`: a head that is also a surname (`Đoàn`), then a person's given names
    if end == i + 1 and head.kind == MINISTRY and not head.local and head.head != ministry_head() \
            and _names_an_affair(tokens, end, lex):
        return None  # `Vụ De Gea`, `Vụ Công ty Dệt …`: a case in a headline, not a ministry's department
    if i and tokens[i].is_capitalised and any(lex.admin_words.ending_at(tokens, i, MAX_ADMIN_WORDS)):
        return None  # `xã Trường An`, `phường Hội Hợp`: a place named like a body
    if head.complete and (country := place_at(tokens, end, lex)) and lex.countries.match(tokens, end) \
            and not lex.not_bodies.match(tokens, end):
        end = country  # `Quốc hội Mỹ`, `Chính phủ Anh`: a foreign body keeps its country
    if not head.complete:
        if end == i + 1 and not head.open and (end >= len(tokens) or not tokens[end].is_capitalised):
            return None  # `Hội nghị`, `Báo cáo`: a word, not a body
        tail = place_tail(tokens, end, lex) if head.placed else name_end(
            tokens, end, lex, proper=head.proper, namesake=head.kind in NAMESAKE_KINDS)
        if tail == end and not head.local:
            return None  # a bare `Đoàn`, `Bộ`: no body named
        if head.open and head.kind in NAMESAKE_KINDS \
                and (_one_word_name(tokens[end:tail]) or _ends_given_name(tokens, i, end)):
            return None  # `Trường Giang dò hỏi`, `Trường 24 tuổi`, `Xuân Trường bằng`: a given name, not a school
        if not lower_head and _unnamed(head, tokens[end:tail]):
            return None  # `Hội đồng quản trị`, `Đoàn công tác`: a kind of body, not one named (after a
            # title it may be, in full, elsewhere in the article: `Phó Trưởng Đoàn kiểm tra`)
        end = _known_end(tokens, i, head_end, tail, lex) if known else tail
        if known and _cut_after_common_word(tokens, i, head_end, end, head, lex):
            return None  # `Công ty cổ phần Tư vấn đầu tư …`: a name cut inside its lower-case words (which
            # `kg mine`, reading with `known` off, may establish whole)
        if head.kind == "press" and (outlet := outlets().get(sentence.span_text(head_end, end))) \
                and outlet.name.isascii():
            return BodyMention(i, end, outlet.name, head)  # `Đài CNN` is `CNN`, as `Reuters`
    name = _without_part_word(sentence, i, end, lex)
    return BodyMention(i, end, name[0].upper() + name[1:], head)


def _common_words() -> PhraseMatcher[str]:
    """Words the corpus writes far more often in lower case than capitalised: data/common_words.txt."""
    return listed("common_words.txt")


def _cut_after_common_word(tokens: tuple[Token, ...], i: int, head_end: int, end: int, head: BodyHead,
                           lex: Lexicon) -> bool:
    """Whether a name written in sentence case was cut after its first word (`Công ty cổ phần Nuôi` of `… Nuôi
    và dịch vụ thủy sản`, `Trung tâm An ninh` of `… An ninh mạng quốc gia`): its last word is a common one
    (data/common_words.txt), the only capitalised one of its run, and a lower-case word that is no clause word goes
    on right after it. A known body, a body named by its field (`Sở Tài chính`), a name ending in a place, a proper
    name (`Show`) or an international word (`Quốc tế`), one running on to its short name in brackets, and a title's
    body (`Chủ tịch Hội đồng Tư vấn …`: the post is read, and the article may name the body whole) keep their name."""
    if head.kind in FIELD_KINDS or not _continues(tokens, end, lex) or _runs_to_bracket(tokens, end) \
            or _after_role(tokens, i, lex) \
            or any(known_bodies().ending_at(tokens, end, end - i, since=i)):
        return False  # `Đoàn giám sát của Bộ Tài nguyên và Môi trường và …`
    last = next((m for m in _common_words().ending_at(tokens, end, MAX_COMMON_WORDS, since=head_end)
                 if tokens[m[3]].is_capitalised), None)
    if last is None:
        return False
    start = last[3]  # the common word stands alone in capitals (not `Tân Hiệp Phát`, a proper name)
    alone = start == head_end or not tokens[start - 1].is_capitalised or _acronym(tokens[start - 1])
    return alone and place_at(tokens, start, lex) is None and not _ends_admin_word(tokens, start, lex) \
        and not _foreign_word(tokens[start].text) and _international_words().match(tokens, start) is None


def _runs_to_bracket(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether the words at tokens[k] run to a bracket over up to MAX_TRAILING_LOWER of them, where the name they end
    gets its short one (`… Phát triển công nghiệp (Becamex)`: kg.extract.mentions.defined_acronyms)."""
    end = next((e for e in range(k, min(k + MAX_TRAILING_LOWER, len(tokens))) if not tokens[e].is_word), None)
    return end is not None and tokens[end].text == "("


def _continues(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """A lower-case word at tokens[k] that no clause starts with (not `vừa`, `cho biết`), or `và` before one."""
    if k < len(tokens) and tokens[k].folded in lex.cues["and"]:
        k += 1
    return k < len(tokens) and tokens[k].is_word and not tokens[k].is_capitalised \
        and lex.stopwords.match(tokens, k) is None and not _breaks_here(tokens, k)


def _part_words() -> PhraseMatcher[str]:
    """Words that say a unit belongs to a body (`trực thuộc`): data/part_words.txt."""
    return listed("part_words.txt")


def _without_part_word(sentence: Sentence, i: int, end: int, lex: Lexicon) -> str:
    """`Trung tâm Thể thao trực thuộc Sở …` -> `Trung tâm Thể thao Sở …`: a unit is named with its body, without the
    word between them that says it belongs to it (GUIDELINES: `Ban Y Báo Z`)."""
    tokens = sentence.tokens
    for k in range(i + 1, end):
        m = _part_words().match(tokens, k)
        if m and m[0] < end and lex.body_heads.match(tokens, m[0], capitalised=True):
            return f"{sentence.span_text(i, k)} {sentence.span_text(m[0], end)}"
    return sentence.span_text(i, end)
