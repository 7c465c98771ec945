"""The whole extraction of one article, stage by stage."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from kg import gazetteer
from kg.extract.bodies import BodyMention, credited_outlets, unnamed_body
from kg.extract.descriptors import describe
from kg.extract.documents import DocumentMention, documents_in
from kg.extract.events import EventMention, add_attendance, article_date, assemble_events, lead_date, read_events
from kg.extract.lexicon import Lexicon, cue_before, lexicon
from kg.extract.mentions import Mention, defined_acronyms, read_mentions, with_acronyms
from kg.extract.names import cued, full_name_for, looks_foreign, thing_names
from kg.extract.places import Places, complete_body, foreign_body, foreign_country
from kg.extract.positions import attach_titles, most_specific
from kg.extract.text import Sentence, sentences, tokenize
from kg.hierarchy import central_name, office_heads
from kg.normalize import NormalisedText, fold, normalise
from kg.records import Article, Document, Event, Evidence, Extraction, Organisation, Person, Position

MAX_CREDIT_TOKENS = 8
_READ = frozenset({"name", "body", "title"})  # the kinds of mention a sentence's reading keeps
_folded, _kind = attrgetter("folded"), attrgetter("kind")
CREDIT_PUNCTUATION = frozenset("/-&.+")  # `Nguyễn Hưng/TTXVN`


@dataclass
class _Draft:
    """What the sentence pass collects, before bodies are completed and events assembled."""

    text: NormalisedText
    sentences: list[Sentence]
    persons: dict[str, Person] = field(default_factory=dict)
    bodies: list[tuple[BodyMention, Evidence]] = field(default_factory=list)
    positions: list[tuple[str, Position, BodyMention | None]] = field(default_factory=list)
    documents: list[DocumentMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    names_by_sentence: dict[int, list[str]] = field(default_factory=dict)
    role_countries: dict[str, set[str]] = field(default_factory=dict)  # `Tổng thống`, `Chính phủ` → {`Thổ Nhĩ Kỳ`}
    acronyms: dict[str, BodyMention] = field(default_factory=dict)  # `Sacombank` → the bank's full name
    served: list[tuple[str, Evidence]] = field(default_factory=list)  # `của Tổng Thư ký LHQ`: a body named, no holder
    titled: set[str] = field(default_factory=set)  # persons (folded) a title, address or occupation introduces
    remembered: set[str] = field(default_factory=set)  # persons commemorated (`tưởng niệm Tổng Bí thư X`)
    country: str | None = None  # the last foreign country named so far

    def evidence(self, start: int, end: int, sentence: Sentence) -> Evidence:
        a, b = self.text.original_span(sentence.start, sentence.end)
        s, e = self.text.original_span(start, end)
        return Evidence(self.text.original[a:b], s, e)


def _is_credit(sentence: Sentence, index: int, count: int, credit: tuple[int, int]) -> bool:
    """Bylines and photo credits (`credit`: the sentence's `_credit_span`): their names are reporters, not
    persons of the news."""
    tokens = sentence.tokens
    if credit == (0, len(tokens)):
        return True
    return index >= count - 2 and len(tokens) <= MAX_CREDIT_TOKENS and index > 0 and not any(
        t.text in ",." for t in tokens[:-1])


def _credit_span(sentence: Sentence, lex: Lexicon) -> tuple[int, int]:
    """The tokens of a credit: its cue word (`Ảnh`, `Ảnh minh họa`) before a colon, and the capitalised
    words after it; a credit glued to the next sentence (`Ảnh: VGP Tại đây, …`) ends at its first
    lower-case word or name ender. (len, len) when there is none."""
    tokens = sentence.tokens
    n = len(tokens)
    cues = lex.cues["credit"]
    if cues.isdisjoint(map(_folded, tokens)):
        return n, n  # the common case, found without a loop over the tokens
    for i in range(n - 1):
        if tokens[i].folded not in cues:
            continue
        colon = next((j for j in range(i + 1, min(i + 4, n)) if tokens[j].text == ":"), None)
        if colon is None:
            continue
        end = colon + 1
        while end < n and end - colon <= MAX_CREDIT_TOKENS and tokens[end].text not in lex.name_enders and (
                tokens[end].is_capitalised or tokens[end].text in CREDIT_PUNCTUATION):
            end += 1
        return i, end
    return n, n


def _read_sentence(draft: _Draft, index: int, sentence: Sentence, mentions: list[Mention], lex: Lexicon) -> None:
    credit_from, credit_to = _credit_span(sentence, lex)
    credit = _is_credit(sentence, index, len(draft.sentences), (credit_from, credit_to))
    names = []
    _read_documents(draft, sentence, lex)
    doc_spans = [(d.start, d.end) for d in draft.documents if sentence.start <= d.start < sentence.end]
    draft.country = foreign_country(sentence.tokens, lex) or draft.country
    kept = list(compress(range(len(mentions)), map(_READ.__contains__, map(_kind, mentions))))  # most: separators
    titles = [m for k in kept if (m := mentions[k]).kind == "title"]
    for m in titles:
        if m.value.country:  # by role, and by the fixed body (`Chính phủ` of Thủ tướng)
            for key in filter(None, (m.value.role.role, m.value.role.org)):
                draft.role_countries.setdefault(key, set()).add(m.value.country)
    posts = attach_titles(mentions, draft.role_countries) if titles else []  # no title, no post
    foreign = {id(title.body): body for holder, title in posts
               if (body := foreign_body(title.body, holder.value.name, draft.country, lex))}
    outlets = credited_outlets(sentence, lex)
    tokens = sentence.tokens
    for k in kept:
        m = mentions[k]
        span = (tokens[m.start].start, tokens[m.end - 1].end)
        if m.kind == "name" and not credit and not credit_from <= m.start < credit_to \
                and not _signs(mentions, k, tokens, outlets):
            if k and (mentions[k - 1].kind in ("title", "honorific") or cued(tokens, m.start, lex)):
                draft.titled.add(fold(m.value.name))
            person = draft.persons.setdefault(fold(m.value.name), Person(m.value.name))
            person.evidence.append(draft.evidence(*span, sentence))
            if not any(a <= span[0] < b for a, b in doc_spans):  # `tờ trình … của Chủ tịch X`: not attending
                names.append(person.name)
        elif m.kind == "body":
            draft.bodies.append((m.value, draft.evidence(*span, sentence)))
        elif m.kind == "title" and m.value.body is not None:
            draft.bodies.append((foreign.get(id(m.value.body), m.value.body), draft.evidence(*span, sentence)))
        elif m.kind == "title" and m.value.served and m.value.org:
            draft.served.append((m.value.org, draft.evidence(*span, sentence)))
    for body in outlets:  # `Hùng Cường/VOV.VN`, `(Nguồn: AFP/TTXVN)`
        span = (sentence.tokens[body.start].start, sentence.tokens[body.end - 1].end)
        draft.bodies.append((body, draft.evidence(*span, sentence)))
    draft.names_by_sentence[index] = names
    read = {id(b) for b, _ in draft.bodies} if posts else set()
    for holder, title in posts:
        if fold(holder.value.name) not in draft.persons:
            continue
        draft.titled.add(fold(holder.value.name))
        if _remembered(sentence.tokens, _chain_start(mentions, holder), lex):
            draft.remembered.add(fold(holder.value.name))
        start, end = sentence.tokens[holder.start].start, sentence.tokens[holder.end - 1].end
        body = foreign.get(id(title.body), title.body)
        if body is not None and id(body) not in read:  # an office in a body lent by a later title
            read.add(id(body))
            draft.bodies.append((body, draft.evidence(start, end, sentence)))
        org = body.name if body is not title.body else title.org
        # an acting holder has no full title: `Quyền Bộ trưởng` (its cue, data/cue_words.tsv `acting`, starts the role)
        role = f"{title.acting.capitalize()} {title.role.role}" if title.acting else title.role.role
        position = Position(role, org, not title.former, draft.evidence(start, end, sentence))
        draft.positions.append((fold(holder.value.name), position, body))
    _read_events(draft, index, sentence, lex)


def _signs(mentions: list[Mention], k: int, tokens, outlets: list[BodyMention]) -> bool:
    """`Cao Nguyên (TTXVN)` closing a paragraph: a name no title introduces, before a bracketed outlet that
    ends the sentence, is its reporter's byline."""
    end = mentions[k].end
    if not outlets or end >= len(tokens) or tokens[end].text != "(" or (
            k and mentions[k - 1].kind in ("title", "honorific")):
        return False
    close = next((j for j in range(end + 1, len(tokens)) if tokens[j].text == ")"), None)
    return close is not None and not any(t.is_word for t in tokens[close + 1:]) \
        and any(o.start == end + 1 for o in outlets)


def _chain_start(mentions: list[Mention], holder: Mention) -> int:
    """The first token of the titles (and forms of address) right before a holder's name."""
    k = next(j for j, m in enumerate(mentions) if m is holder)
    while k and mentions[k - 1].kind in ("title", "honorific"):
        k -= 1
    return mentions[k].start


def _remembered(tokens, start: int, lex: Lexicon) -> bool:
    """`kỷ niệm 105 năm ngày sinh Tổng Bí thư X`, `tưởng niệm Đại tướng X`: a cue of data/cue_words.tsv
    (`remembered`) right before the titles of a holder (`của` and `đồng chí` may stand between)."""
    end = start
    while end and tokens[end - 1].folded in lex.cues["remembered-filler"]:
        end -= 1
    return cue_before(tokens, end, lex.cues["remembered"], 3)


def _read_documents(draft: _Draft, sentence: Sentence, lex: Lexicon) -> None:
    draft.documents.extend(documents_in(sentence, lex))


def _read_events(draft: _Draft, index: int, sentence: Sentence, lex: Lexicon) -> None:
    draft.events.extend(read_events(index, sentence, [(d.start, d.end) for d in draft.documents], lex))


def _assemble_events(draft: _Draft, lex: Lexicon) -> list[EventMention]:
    """Merge mentions of the same event, with the persons of their sentences and of attendance sentences."""
    for mention in draft.events:
        mention.participants = list(draft.names_by_sentence.get(mention.sentence, []))
    events = assemble_events(draft.events, lead_date(draft.sentences, lex))
    add_attendance(events, draft.sentences, draft.names_by_sentence, lex)
    return events


def extract(article: Article, lex: Lexicon | None = None) -> Extraction:
    """Extract persons, positions, bodies, events and documents from one article."""
    lex = lex or lexicon()
    text = normalise(article.full_text)
    draft = _Draft(text, sentences(text.text))
    for index, sentence in enumerate(draft.sentences):
        mentions = read_mentions(sentence, lex)
        draft.acronyms.update(defined_acronyms(sentence, mentions, lex))  # defined before they are used
        _read_sentence(draft, index, sentence, with_acronyms(sentence, mentions, draft.acronyms), lex)
    _drop_things(draft, lex)
    _merge_glued_names(draft)
    _merge_short_names(draft)
    places = Places(draft.sentences, lex)
    canonical = _complete_bodies(draft, places, lex)
    unnamed = {name for name in set(canonical.values()) if unnamed_body(name, lex)}
    organisations = _organisations(draft, canonical, unnamed)
    stated: Counter[tuple[str, str, str]] = Counter()  # how often the article gives a person a title
    homes = _home_countries(draft, places.country, lex)
    for key, position, body in draft.positions:
        if body is not None:
            position.org = canonical.get(body.name, position.org)
            if key in homes and position.org.endswith(f" {places.country}") and not body.name.endswith(places.country):
                position.org = position.org[: -len(places.country) - 1]  # the news' country is not a Vietnamese holder's
            if _generic(position.org, body):
                if not (board := _board_of(position, draft, canonical, lex)):
                    continue
                position.org = board
        elif position.org:
            position.org = lex.body_aliases.get(fold(position.org), position.org)
        elif key in draft.persons:
            position.org = _body_before(position, draft.persons[key].name, draft, canonical, lex)
        if position.org in unnamed or (body is None and position.org and unnamed_body(position.org, lex)):
            continue  # `Chủ tịch HĐQT` with no company: a kind of body, no post
        person = draft.persons[key]
        stated[(key, fold(position.role), fold(position.org or ""))] += 1
        same = next((p for p in person.positions if fold(p.role) == fold(position.role)
                     and fold(p.org) == fold(position.org or "")), None)
        if same is not None and not position.current:  # `cựu Tổng thống X` anywhere: X's `Tổng thống` is past
            same.current = False
        elif same is None and position.org:
            person.positions.append(position)
        if position.org and fold(position.org) not in {fold(o.name) for o in organisations}:
            organisations.append(Organisation(position.org, evidence=[position.evidence]))
    for org, evidence in draft.served:
        if fold(org) not in {fold(o.name) for o in organisations}:
            organisations.append(Organisation(org, evidence=[evidence]))
    events = _assemble_events(draft, lex)
    for key, person in draft.persons.items():
        person.positions = most_specific(person.positions)
    _one_holder(draft.persons, stated, lex)
    for key, person in draft.persons.items():
        if key in draft.remembered:  # a commemorated leader holds no post now
            for position in person.positions:
                position.current = False
        person.descriptors = describe(person, article)
    main = places.main()
    return Extraction(
        article=article,
        date=article.date or article_date(events, draft.sentences, text.text, lex),
        persons=list(draft.persons.values()),
        organisations=organisations,
        events=[_event(e, draft, canonical, main.name if main else None) for e in events],
        documents=[_document(d, draft, canonical) for d in _unique_documents(draft.documents, lex)],
    )


def _home_countries(draft: _Draft, country: str | None, lex: Lexicon) -> set[str]:
    """The holders (keys) whose national bodies the foreign country an article is about does not complete: `Chủ
    tịch QH Nguyễn Thị Kim Ngân` in news about Laos holds a post in Quốc hội, not in Quốc hội Lào. Those with a
    Vietnamese name, unless the article gives such a name a post written in that country, or names a country whose
    officials the news names in Sino-Vietnamese (data/sinitic_countries.txt: `Người phát ngôn Lục Khảng` in news
    about North Korea that names China is China's)."""
    if country is None or _names_sinitic(draft):
        return set()
    vietnamese = {key for key, person in draft.persons.items() if _vietnamese(person.name, lex)}
    written = {key for key, position, body in draft.positions
               if fold(body.name if body is not None else position.org or "").endswith(" " + fold(country))}
    return set() if vietnamese & written else vietnamese


def _names_sinitic(draft: _Draft) -> bool:
    return _sinitic_countries().search(draft.text.text) is not None


@lru_cache(maxsize=None)
def _sinitic_countries() -> re.Pattern[str]:
    """The countries whose officials the news names in Sino-Vietnamese readings (data/sinitic_countries.txt), as
    whole words in any case, spaced or hyphened (the article's text is normalised: folding all of it cost 0.7 ms)."""
    names = ("[\\s-]+".join(map(re.escape, name.split())) for name in gazetteer.words("sinitic_countries.txt"))
    return re.compile(f"(?<!\\w)(?:{'|'.join(names)})(?!\\w)", re.IGNORECASE)


def _vietnamese(name: str, lex: Lexicon) -> bool:
    words = name.split()
    return len(words) > 1 and words[0] in lex.surnames and not any(map(looks_foreign, words))


def _one_holder(persons: dict[str, Person], stated: Counter[tuple[str, str, str]], lex: Lexicon) -> None:
    """`Tổng thống Mỹ Donald Trump … dưới thời Tổng thống Barack Obama`: a post one person holds at a time
    (data/cue_words.tsv, `sole`) given to two persons is held now by the one the article gives it most often; the
    others' is ended (a tie leaves all)."""
    holders: dict[tuple[str, str], list[tuple[int, Position]]] = {}
    for key, person in persons.items():
        for position in person.positions:
            if position.current and position.role.lower() in lex.cues["sole"]:
                post = (fold(position.role), fold(position.org))
                holders.setdefault(post, []).append((stated[(key, *post)], position))
    for held in holders.values():
        most = max(count for count, _ in held)
        if sum(count == most for count, _ in held) == 1:
            for count, position in held:
                position.current = count == most


def _drop_things(draft: _Draft, lex: Lexicon) -> None:
    """`từ Nguyễn Kiệm qua Nguyễn Thái Sơn` after `vòng xoay Nguyễn Thái Sơn`: a name the article writes as a
    street, a school or a company is that thing wherever no title, form of address or occupation introduces it."""
    untitled = [p.name for key, p in draft.persons.items() if key not in draft.titled]
    read = [s for s in draft.sentences if any(name in s.text for name in untitled)]  # where one may be a thing
    things = thing_names(read, lex) - draft.titled
    for key in things & draft.persons.keys():
        name = draft.persons.pop(key).name
        for names in draft.names_by_sentence.values():
            names[:] = [n for n in names if n != name]


def _merge_short_names(draft: _Draft) -> None:
    """`ông Hải` after `ông Đào Anh Hải`, `Kim Tiến` after `Nguyễn Thị Kim Tiến`, `Felipe` after
    `Felipe VI`: a name that shortens a longer one of the article is that person, not a new one."""
    for key, person in list(draft.persons.items()):
        match = full_name_for(person.name, [p.name for p in draft.persons.values()])
        if match is not None:
            _merge_into(draft, key, match, person.evidence)


def _merge_glued_names(draft: _Draft) -> None:
    """`Nguyễn Xuân Phúc Tiếp đoàn …`, `Đàm Vĩnh Hưng Ca sĩ …`: a name of three words or more that is another
    person of the article plus one capitalised word, each time followed by a lower-case word or a number, and
    written fewer times than that person, is that person with the next sentence's first word glued on (a lost full
    stop). Not `Nguyễn Thị Hồng Ngát` beside a stray `Nguyễn Thị Hồng`: the longer name written as often or more."""
    for key, person in list(draft.persons.items()):
        words = person.name.split()
        short = " ".join(words[:-1])
        other = draft.persons.get(fold(short)) if len(words) >= 3 and words[-1][0].isupper() else None
        if other is None or len(person.evidence) >= len(other.evidence) \
                or not all(_lower_after(draft.text.original, e.end) for e in person.evidence):
            continue
        evidence = [Evidence(e.sentence, e.start, e.end - len(words[-1]) - 1) for e in person.evidence]
        _merge_into(draft, key, other.name, evidence)


def _lower_after(text: str, end: int) -> bool:
    """Whether the next word after text[:end], past spaces, is a number or starts in lower case."""
    after = text[end:end + 12]
    rest = after.lstrip(" ")
    return len(rest) < len(after) and bool(rest) and (rest[0].isdigit() or rest[0].islower())


def _merge_into(draft: _Draft, key: str, match: str, evidence: list[Evidence]) -> None:
    """The person at `key` is the article's person named `match`: its evidence, posts and sentences move there."""
    draft.persons[fold(match)].evidence.extend(evidence)
    name = draft.persons.pop(key).name
    draft.positions = [(fold(match) if k == key else k, p, b) for k, p, b in draft.positions]
    for names in draft.names_by_sentence.values():
        names[:] = list(dict.fromkeys(match if n == name else n for n in names))


def _complete_bodies(draft: _Draft, places: Places, lex: Lexicon) -> dict[str, str]:
    """Map each body name as written to its canonical name, expanding short names from context."""
    last = {body.name: body for body, _ in draft.bodies}  # each name once (a body is named again and again), as last written
    canonical = {name: _spelt_out(complete_body(body, places, lex), draft.acronyms) for name, body in last.items()}
    heads = {name: body.head for name, body in last.items()}
    for written, head in heads.items():  # `Văn phòng Sở Y tế Đồng Tháp` as its `Sở Y tế tỉnh Đồng Tháp`
        inner = written[len(head.head) + 1:]
        if head.head in office_heads() and canonical[written] == written and written.startswith(head.head + " ") \
                and inner in canonical:
            canonical[written] = f"{head.head} {canonical[inner]}"
    complete_names = sorted(set(canonical.values()), key=len, reverse=True)
    companies = {canonical[w] for w, head in heads.items() if head.kind == "company"}  # not `Cảnh sát Barcelona`
    for written, name in canonical.items():
        if written == heads[written].head and heads[written].kind == "company" and " " not in written:
            longer = [c for c in companies if c.endswith(" " + name)]  # `Chủ tịch BRG` of `Tập đoàn BRG`
        elif heads[written].complete or central_name(name):  # `Bộ Công an` is not `Bộ Công an Lào`
            continue
        else:
            longer = [c for c in complete_names if c.startswith(name + " ")]
        if len(longer) == 1:  # `Đoàn kiểm tra` → `Đoàn kiểm tra của Bộ Chính trị`
            canonical[written] = longer[0]
    return canonical


def _body_before(position: Position, name: str, draft: _Draft, canonical: dict[str, str], lex: Lexicon) -> str | None:
    """`Thay mặt lãnh đạo Bộ Y tế, Bộ trưởng X gửi lời chia buồn`: a title with a head noun right before its holder's
    name, no body written, is held in the one body of that head its sentence names before it (not `X (Trưởng phòng
    kế hoạch)`: a field in lower case; not a body quoted apart from the title, `"Bộ Y tế …", Bộ trưởng X nói`; not
    a foreign body for a Vietnamese name, `do Bộ Ngoại giao Ấn Độ chủ trì … Bộ trưởng Phạm Bình Minh`, unless
    the article names a country whose officials have such names, `_home_countries`)."""
    head = _role_heads().get(fold(position.role))
    if not head or fold(f"{position.role} {name}") not in fold(position.evidence.sentence):
        return None
    found = [(canonical[b.name], evidence.end) for b, evidence in draft.bodies if evidence.sentence ==
             position.evidence.sentence and evidence.start < position.evidence.start and b.head.head == head]
    if len({org for org, _ in found}) != 1:
        return None
    org, end = found[-1]
    quoted = _unbalanced_quotes(draft.text.original[end:position.evidence.start])
    foreign = _vietnamese(name, lex) and not _names_sinitic(draft) and foreign_country(tokenize(org), lex)
    return None if quoted or foreign else org


def _unbalanced_quotes(text: str) -> bool:
    """Whether a quotation opens or closes in `text` (`…”, Bộ trưởng`), not only a quoted word (`“hợp thức” hồ sơ`)."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”") or text.count("«") != text.count("»")


@lru_cache(maxsize=None)
def _role_heads() -> dict[str, str]:
    """`Bộ trưởng` → `Bộ`: the head noun a role's body starts with (offices and fixed bodies left out)."""
    return {fold(role.role): role.head for role in gazetteer.roles() if role.head and not role.office and not role.org}


def _generic(org: str, body: BodyMention) -> bool:
    """`Hội đồng quản trị`, `Đoàn kiểm tra`: a common noun phrase no context completed names no one body."""
    words = org.split()[1:]
    return not body.head.complete and not any(w[:1].isupper() or w[:1].isdigit() for w in words)


def _board_of(position: Position, draft: _Draft, canonical: dict[str, str], lex: Lexicon) -> str | None:
    """`Đại hội đồng cổ đông của Sacombank bầu ông X làm Chủ tịch HĐQT`: a company's board (data/cue_words.tsv,
    `board`) named without its company is the board of the one company its sentence names."""
    if position.org.lower() not in lex.cues["board"]:
        return None
    companies = {canonical[b.name] for b, evidence in draft.bodies if evidence.sentence == position.evidence.sentence
                 and b.head.kind == "company" and not _generic(canonical[b.name], b)}
    return f"{position.org} {companies.pop()}" if len(companies) == 1 else None


def _spelt_out(name: str, acronyms: dict[str, BodyMention]) -> str:
    """`Hội đồng quản trị Sacombank` → `Hội đồng quản trị Ngân hàng TMCP Sài Gòn Thương tín`: short names the
    article defined, written out; a body cut short before its bracket (`… Sài Gòn Thương` + `tín (Sacombank)`)
    is the whole."""
    ran_on = [d.name for d in acronyms.values() if d.name.startswith(name + " ")]  # the name ran on to its bracket
    if ran_on:
        return ran_on[0]
    words: list[str] = []
    for word in name.split():
        full = acronyms[word].name if word in acronyms and acronyms[word].name != name else word
        words = words[:len(words) - _head_before(words, full)]  # `Sở VH-TT`: `Sở Văn hóa - Thể thao`, once
        words.append(full)
    return " ".join(words)


def _head_before(words: list[str], full: str) -> int:
    """How many of the last words already written start an acronym's expansion (`Ngân hàng` + `Ngân hàng TMCP …`)."""
    start = fold(full).split()
    return next((k for k in range(min(len(words), len(start) - 1), 0, -1)
                 if fold(" ".join(words[-k:])).split() == start[:k]), 0)


def _organisations(draft: _Draft, canonical: dict[str, str], unnamed: set[str]) -> list[Organisation]:
    """The bodies read, by canonical name, without those that name no one body (`Hội đồng quản trị`)."""
    found: dict[str, Organisation] = {}
    for body, evidence in draft.bodies:
        name = canonical[body.name]
        if name in unnamed:
            continue
        org = found.setdefault(fold(name), Organisation(name, body.head.kind))
        org.evidence.append(evidence)
    return list(found.values())


def _event(mention: EventMention, draft: _Draft, canonical: dict[str, str], place: str | None) -> Event:
    sentence = draft.sentences[mention.sentence]
    start, end = draft.text.original_span(sentence.start, sentence.end)
    orgs = [canonical[b.name] for b, ev in draft.bodies if start <= ev.start < end]
    return Event(mention.type, mention.date.iso if mention.date else None, place,
                 list(mention.participants), list(dict.fromkeys(orgs)),
                 [draft.evidence(mention.start, mention.end, sentence)])


def _title_words(mention: DocumentMention, fillers: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(mention.name).split()) - fillers


def _unique_documents(mentions: list[DocumentMention], lex: Lexicon) -> list[DocumentMention]:
    """One record per document; a title whose words all stand in a longer title of the same type is that one."""
    seen: dict[tuple, DocumentMention] = {}
    for d in mentions:
        seen.setdefault((fold(d.type), fold(d.number or d.name)), d)
    titled = [d for d in seen.values() if d.number is None]
    fillers = frozenset(fold(word) for word in lex.cues["title-filler"])
    # `thỏa thuận TPP` or `TPP` alone after `Hiệp định … (TPP)`: the titled one
    acronyms = {fold(d.acronym) for d in titled if d.acronym and d.acronym != d.name}
    return [d for d in seen.values() if d.number is not None or not any(
        other is not d and other.type == d.type and _title_words(d, fillers) < _title_words(other, fillers)
        for other in titled) and not {_short_name(d), fold(d.name or "")} & acronyms]


def _short_name(mention: DocumentMention) -> str:
    """A title without its type word: `tpp` for `thỏa thuận TPP`."""
    return " ".join(fold(mention.name).split()[len(fold(mention.type).split()):])


def _document(mention: DocumentMention, draft: _Draft, canonical: dict[str, str]) -> Document:
    sentence = next(s for s in draft.sentences if s.start <= mention.start < s.end)
    issuer = canonical.get(mention.issuer, mention.issuer) if mention.issuer else None
    return Document(mention.type, mention.number, mention.date, issuer, mention.name,
                    draft.evidence(mention.start, mention.end, sentence))
