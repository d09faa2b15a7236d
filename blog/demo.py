"""Demo content for the blog: the center's clinicians and writers, and articles they wrote.

Everything is created only when missing (by slug), so running seed_demo again changes
nothing and never overwrites what someone edited in the admin. The articles were written
for this project; the pictures are drawn with Pillow, so no image files ship with the code,
and each goes into the picture library described as staff would describe it.
"""

import functools
import io
import math
from datetime import timedelta

from django.utils import timezone
from PIL import Image, ImageDraw, ImageFilter

from editing.publishing import Status
from programs.models import Condition, Program
from website.demo_images import library_picture, paint

from .demo_longer import fuller_body
from .models import Article, Category, Person, Tag

PEOPLE = [
    {
        "slug": "maya-ellison",
        "name": "Dr. Maya Ellison",
        "credentials": "MD, FASAM",
        "role": "Medical Director",
        "bio": "Dr. Ellison is board-certified in addiction medicine and has led medically supervised detox programs for fifteen years. She reviews every clinical article we publish.",
    },
    {
        "slug": "jordan-reyes",
        "name": "Jordan Reyes",
        "credentials": "LCSW",
        "role": "Clinical Therapist",
        "bio": "Jordan specializes in trauma-informed therapy and leads our EMDR and seeking-safety groups.",
    },
    {
        "slug": "priya-nandakumar",
        "name": "Priya Nandakumar",
        "credentials": "LCAS",
        "role": "Family Program Coordinator",
        "bio": "Priya runs our weekend family program and helps parents and partners take care of themselves while a loved one is in treatment.",
    },
    {
        "slug": "sam-whitaker",
        "name": "Sam Whitaker",
        "credentials": "CPSS",
        "role": "Peer Recovery Specialist",
        "bio": "Sam has been in recovery since 2014 and now walks alongside clients in our aftercare program.",
    },
]

CATEGORIES = [
    (
        "opioids",
        "Opioids",
        "Prescription painkillers, heroin and fentanyl: how opioid use disorder works, how it is treated, and how people recover.",
    ),
    (
        "alcohol",
        "Alcohol",
        "Drinking, cutting back, quitting and staying well: honest answers about alcohol use disorder.",
    ),
    (
        "mental-health",
        "Mental health",
        "Trauma, anxiety, depression and the other conditions that so often travel with addiction.",
    ),
    (
        "treatment-options",
        "Treatment options",
        "Detox, residential care, partial hospitalization and outpatient programs explained, so you can choose with confidence.",
    ),
    (
        "life-in-recovery",
        "Life in recovery",
        "Sleep, goals, relationships and the everyday work of staying well after treatment.",
    ),
    (
        "family",
        "Family",
        "For parents, partners and friends: how to help someone you love without losing yourself.",
    ),
]

TAGS = [
    ("chronic-pain", "chronic pain"),
    ("naloxone", "naloxone"),
    ("withdrawal", "withdrawal"),
    ("moderation", "moderation"),
    ("brain-health", "brain health"),
    ("trauma", "trauma"),
    ("ptsd", "PTSD"),
    ("goal-setting", "goal setting"),
    ("relapse-prevention", "relapse prevention"),
    ("residential-treatment", "residential treatment"),
    ("partial-hospitalization", "partial hospitalization"),
    ("sleep", "sleep"),
    ("family-support", "family support"),
    ("medication", "medication"),
]

# (slug, title, summary, body, authors, reviewed days ago or None, categories, tags,
#  publish offset in days (negative = past), status, image colours)
ARTICLES = [
    {
        "slug": "chronic-pain-and-opioid-addiction",
        "title": "Chronic pain and opioid addiction: finding relief without losing yourself",
        "summary": "When opioids were prescribed for real pain, addiction can feel like a betrayal by your own body. Here is how treatment handles both the pain and the dependence.",
        "authors": ["jordan-reyes"],
        "reviewed": 40,
        "categories": ["opioids"],
        "tags": ["chronic-pain", "withdrawal", "medication"],
        "days": -150,
        "palette": ((52, 94, 120), (226, 178, 120)),
        "body": """
<p>Many people who come to us for opioid addiction did not start by chasing a high. They started with a back injury, a surgery or a condition that made every day hurt, and a doctor who prescribed something that helped. Months or years later the same medicine had become a problem of its own.</p>
<p>If that is your story, the first thing to know is that needing help is not a moral failure. Opioids change how the brain handles pain and reward, and long-term use can leave people both physically dependent and, for some, with opioid use disorder. Both can be treated, and treating them does not mean going back to unbearable pain.</p>
<h2>Why pain and opioid use become tangled</h2>
<p>Over time the body adapts to opioids. Doses that once worked stop working as well (tolerance), and missing a dose brings withdrawal, which itself hurts: aching muscles, restlessness, poor sleep. Some people also develop <strong>opioid-induced hyperalgesia</strong>, a heightened sensitivity to pain caused by the medicine meant to relieve it. From the inside, all of this feels like the original pain getting worse, which makes it very hard to tell what your body needs.</p>
<h2>What treatment looks like</h2>
<ul>
<li><strong>A careful medical assessment</strong> of the pain condition, current doses and any other medicines, so nothing is stopped abruptly or unsafely.</li>
<li><strong>Medication for opioid use disorder</strong> where it fits, such as buprenorphine, which eases withdrawal and cravings and can also help with pain.</li>
<li><strong>Non-opioid pain care</strong>: physical therapy, movement, sleep repair, non-opioid medicines and approaches such as cognitive behavioral therapy for pain.</li>
<li><strong>Therapy for what pain has taken from you</strong>: work, sleep, relationships and a sense of control.</li>
</ul>
<p>Withdrawal should be medically supervised. Our article on <a href="/blog/what-happens-in-medical-detox/">what happens in medical detox</a> explains the first days step by step.</p>
<h2>Questions to ask a treatment program</h2>
<p>Ask whether the program has physicians who treat both addiction and pain, whether it offers medication for opioid use disorder, and how it plans your pain care after discharge. A good program will answer plainly and will not ask you to simply tough it out.</p>
<blockquote><p>Relief and recovery are not opposites. The goal is a life with less pain and more freedom, not one traded for the other.</p></blockquote>
""",
    },
    {
        "slug": "alcohol-moderation-what-it-can-and-cannot-do",
        "title": "Can I just cut back? What alcohol moderation can and cannot do",
        "summary": "Moderation works for some drinkers and not for others. An honest look at who it suits, how to try it safely, and the signs it is time for something more.",
        "authors": ["sam-whitaker"],
        "reviewed": 75,
        "categories": ["alcohol"],
        "tags": ["moderation", "withdrawal", "relapse-prevention"],
        "days": -128,
        "palette": ((120, 70, 60), (236, 200, 150)),
        "body": """
<p>“Can I just cut back?” is one of the most common questions we hear, and it deserves a straight answer rather than a lecture. For some people, drinking less is a realistic and healthy goal. For others, every attempt at moderation ends in the same place.</p>
<h2>Who moderation tends to suit</h2>
<p>Moderation is more likely to work for people whose drinking has been heavy for a shorter time, who have no history of withdrawal symptoms, and who are not dealing with health problems that alcohol makes worse. It is much less likely to work after years of daily drinking, after serious consequences, or when drinking is tied to managing anxiety, trauma or depression.</p>
<h2>How to try it honestly</h2>
<ol>
<li>Write down a specific limit: how many drinks, on which days, and never more than a set amount in one sitting.</li>
<li>Track every drink for a month. Memory is generous; a notebook is not.</li>
<li>Choose alcohol-free days every week.</li>
<li>Tell one person about your plan and ask them to check in.</li>
</ol>
<h2>Signs it is time for something more</h2>
<p>If you keep going over your limits, hide how much you drink, or feel shaky, sweaty or anxious when you stop, moderation is telling you something. <strong>Alcohol withdrawal can be dangerous</strong>: if you drink heavily every day, do not stop suddenly on your own. Talk to a doctor, or read about <a href="/blog/what-happens-in-medical-detox/">medically supervised detox</a>.</p>
<p>Trying moderation and finding it does not work is not a failure. It is information, and it often becomes the moment people decide to ask for help.</p>
""",
    },
    {
        "slug": "how-the-brain-heals-after-opioids",
        "title": "How the brain heals after opioids",
        "summary": "Early recovery can feel flat, foggy and restless. Those feelings have a biological reason, and they improve. What to expect in the weeks and months after stopping.",
        "authors": ["maya-ellison"],
        "reviewed": 20,
        "categories": ["opioids", "life-in-recovery"],
        "tags": ["brain-health", "sleep", "withdrawal"],
        "days": -104,
        "palette": ((40, 90, 95), (170, 210, 190)),
        "body": """
<p>People often expect to feel better the moment withdrawal ends. Instead, many feel flat, tired and oddly restless for weeks. That can be discouraging, and it is one of the most common reasons people return to use. Understanding what is happening in the brain helps.</p>
<h2>Why early recovery feels flat</h2>
<p>Opioids flood the brain's reward system. With repeated use, the brain turns down its own response to make up for it. When the drug is gone, everyday pleasures such as food, music, a conversation, feel muted for a while. Sleep is often broken, and stress feels bigger than it should. Clinicians sometimes call this stretch <strong>post-acute withdrawal</strong>.</p>
<h2>What improves, and roughly when</h2>
<ul>
<li><strong>The first weeks:</strong> physical withdrawal settles; sleep and appetite start to return, unevenly.</li>
<li><strong>The first months:</strong> mood and concentration steady; cravings become less frequent, though they can still arrive suddenly.</li>
<li><strong>Over the first year:</strong> studies of the brain's reward system show continued recovery, and most people describe feeling more like themselves.</li>
</ul>
<p>Everyone's timeline is different, and medication for opioid use disorder can make this period much safer and steadier.</p>
<h2>Helping the brain heal</h2>
<p>Regular sleep and meals, daily movement, time outdoors and steady connection with other people all support recovery. So does patience. If sleep is the hardest part for you, say so: our <a href="/treatment/outpatient/">outpatient program</a> keeps working on it with you long after detox.</p>
""",
    },
    {
        "slug": "trauma-and-addiction",
        "title": "Trauma and addiction: why treating one means treating both",
        "summary": "Many people who struggle with substances carry trauma too. Why the two feed each other, and what trauma-informed treatment does differently.",
        "authors": ["jordan-reyes"],
        "reviewed": 430,
        "categories": ["mental-health"],
        "tags": ["trauma", "ptsd", "relapse-prevention"],
        "days": -85,
        "palette": ((82, 70, 120), (220, 190, 210)),
        "body": """
<p>Ask a room of people in recovery whether something painful happened to them before they started using, and many hands go up. Trauma does not cause every addiction, but the two are closely linked, and treatment that ignores one tends to struggle with the other.</p>
<h2>How trauma and substance use feed each other</h2>
<p>After trauma, the nervous system can stay on high alert: trouble sleeping, being easily startled, intrusive memories, or feeling numb and far away. Alcohol and drugs can quiet those feelings for a while, which is exactly why they become hard to give up. Over time, substance use brings its own crises, which add to the load.</p>
<h2>What trauma-informed treatment means</h2>
<ul>
<li><strong>Safety first.</strong> Nobody is pushed to retell their story before they have the skills to cope with what it stirs up.</li>
<li><strong>Integrated care.</strong> Trauma and substance use are treated together by the same team, not one after the other.</li>
<li><strong>Evidence-based therapies</strong> such as EMDR, cognitive processing therapy and seeking safety.</li>
<li><strong>Choice and control</strong> for the client, wherever possible.</li>
</ul>
<h2>If this sounds like you</h2>
<p>You do not need to have a diagnosis of PTSD, or to be ready to talk about what happened, to ask for help. Tell the admissions team what you are comfortable sharing; the rest can wait.</p>
""",
    },
    {
        "slug": "setting-goals-in-early-recovery",
        "title": "Setting goals in early recovery that you can actually keep",
        "summary": "Big promises rarely survive the first hard week. Small, specific goals do. A practical way to plan the first ninety days after treatment.",
        "authors": ["sam-whitaker"],
        "reviewed": None,
        "categories": ["life-in-recovery"],
        "tags": ["goal-setting", "relapse-prevention"],
        "days": -60,
        "palette": ((70, 110, 70), (230, 220, 160)),
        "body": """
<p>Leaving treatment, it is tempting to promise everything at once: a new job, a repaired marriage, a marathon by spring. Big hopes are good. Big promises made on day one tend to collapse on day ten, and take your confidence with them.</p>
<h2>Start smaller than feels necessary</h2>
<p>A good early goal is one you can picture doing tomorrow. “Get healthy” is a wish. “Walk for twenty minutes after breakfast on weekdays” is a goal. Make it specific, make it small, and write it down.</p>
<h2>Three kinds of goals for the first ninety days</h2>
<ol>
<li><strong>Protecting recovery:</strong> meetings or groups each week, check-ins with a sponsor or peer specialist, and a written plan for cravings.</li>
<li><strong>Taking care of the body:</strong> regular sleep and wake times, meals, movement, and medical appointments kept.</li>
<li><strong>Rebuilding a life:</strong> one conversation, one bill, one application at a time.</li>
</ol>
<h2>When you miss a goal</h2>
<p>You will. Everyone does. Treat it as information rather than a verdict: was the goal too big, badly timed, or missing support? Adjust and try again. If you notice yourself slipping in bigger ways, reach out early; that is what aftercare is for.</p>
""",
    },
    {
        "slug": "residential-or-partial-hospitalization",
        "title": "Residential treatment or partial hospitalization: how to choose",
        "summary": "Both offer full days of treatment. The difference is where you sleep, and that difference matters more for some people than others.",
        "authors": ["priya-nandakumar"],
        "reviewed": 95,
        "categories": ["treatment-options"],
        "tags": ["residential-treatment", "partial-hospitalization"],
        "days": -38,
        "palette": ((30, 80, 110), (190, 220, 230)),
        "body": """
<p>Families often ask us whether their loved one needs residential treatment or whether a partial hospitalization program (PHP) would be enough. Both provide several hours of treatment a day. The biggest difference is that in residential care you live on site, while in PHP you go home, or to sober housing, each evening.</p>
<h2>When residential care tends to fit</h2>
<ul>
<li>Home is not a safe or stable place to recover, or substances are easy to get there.</li>
<li>Previous outpatient attempts have not held.</li>
<li>There are serious mental health needs that call for round-the-clock support.</li>
<li>The person is coming straight from detox and still feels fragile.</li>
</ul>
<h2>When partial hospitalization tends to fit</h2>
<ul>
<li>There is a safe, supportive place to sleep each night.</li>
<li>The person is stepping down from residential care and needs structure while practicing new skills at home.</li>
<li>Work or family responsibilities make living on site very hard, and symptoms are stable enough.</li>
</ul>
<h2>It is not a one-time decision</h2>
<p>Good programs step people up or down as needs change. A clinical assessment, not the brochure, should guide the choice. If you are unsure, call us: the admissions team can talk it through and check what your insurance covers.</p>
""",
    },
    {
        "slug": "naloxone-at-home",
        "title": "Naloxone at home: what every family should know",
        "summary": "Naloxone reverses opioid overdoses and is easy to use. Where to get it, how to use it, and why keeping it at home is an act of love, not permission.",
        "authors": ["priya-nandakumar", "maya-ellison"],
        "reviewed": 12,
        "categories": ["opioids", "family"],
        "tags": ["naloxone", "family-support"],
        "days": -16,
        "palette": ((120, 60, 50), (240, 215, 170)),
        "body": """
<p>If someone you love uses opioids, whether prescribed painkillers, heroin or anything that might contain fentanyl, keeping naloxone at home is one of the most important things you can do. It can reverse an overdose in minutes.</p>
<h2>Signs of an opioid overdose</h2>
<ul>
<li>Will not wake up or respond to your voice or a firm rub on the chest</li>
<li>Slow, shallow or stopped breathing; gurgling or snoring sounds</li>
<li>Blue or gray lips and fingertips; pinpoint pupils</li>
</ul>
<h2>What to do</h2>
<ol>
<li><strong>Call 911.</strong> Many states have Good Samaritan laws that protect people who call for help.</li>
<li><strong>Give naloxone.</strong> For the nasal spray, tilt the head back and spray into one nostril.</li>
<li><strong>Support breathing</strong> and lay the person on their side once they are breathing.</li>
<li><strong>Stay with them.</strong> Naloxone wears off, sometimes before the opioid does; a second dose may be needed after two to three minutes if they do not respond.</li>
</ol>
<h2>Where to get it</h2>
<p>Naloxone nasal spray is sold without a prescription in most pharmacies in the United States, and many health departments give it out free. Keep it where everyone in the house can find it, and check the expiry date.</p>
<p>Some families worry that keeping naloxone sends the wrong message. It does not. It keeps someone alive long enough to <a href="/blog/chronic-pain-and-opioid-addiction/">get treatment</a>.</p>
""",
    },
    {
        "slug": "what-happens-in-medical-detox",
        "title": "What happens in medical detox: the first 72 hours",
        "summary": "Fear of withdrawal keeps many people from starting treatment. A clear, step-by-step picture of medically supervised detox, from arrival to the third day.",
        "authors": ["maya-ellison"],
        "reviewed": 30,
        "categories": ["treatment-options", "opioids", "alcohol"],
        "tags": ["withdrawal", "medication"],
        "days": -5,
        "palette": ((20, 90, 90), (200, 230, 210)),
        "body": """
<p>For many people, the fear of withdrawal is the biggest thing standing between them and treatment. Knowing what actually happens in a medical detox unit makes that first step easier.</p>
<h2>Arrival and assessment</h2>
<p>A nurse and a physician review your health, what you have been using, how much and when you last used. They check vital signs and may run lab tests. This is also when you can raise worries: pain, sleep, medications you take, people at home who depend on you.</p>
<h2>The first day</h2>
<p>Withdrawal symptoms usually begin within hours for short-acting opioids and for alcohol. Staff check on you regularly using standard scales and give medication to keep symptoms under control. For opioids this often means buprenorphine; for alcohol, medicines that prevent dangerous complications such as seizures.</p>
<h2>Days two and three</h2>
<p>For many people these are the hardest days. Sleep may be poor and emotions raw. You will have a quiet room, meals, fluids and people who have seen this many times. Counselors begin to talk with you about what comes next.</p>
<h2>After detox</h2>
<p>Detox treats the body; it is the beginning of treatment, not the whole of it. Most people move on to <a href="/blog/residential-or-partial-hospitalization/">residential care or partial hospitalization</a>, where the work of recovery really starts.</p>
""",
    },
    {
        "slug": "sleep-in-early-recovery",
        "title": "Sleep in early recovery: why it is hard and what helps",
        "summary": "Broken sleep is one of the most common complaints in early recovery, and one of the biggest relapse risks. Practical steps that help, night by night.",
        "authors": ["sam-whitaker"],
        "reviewed": 8,
        "categories": ["life-in-recovery"],
        "tags": ["sleep", "brain-health", "relapse-prevention"],
        "days": 7,
        "palette": ((30, 40, 90), (150, 160, 210)),
        "body": """
<p>Almost everyone in early recovery struggles with sleep. Alcohol and many drugs disrupt the brain's sleep cycles, and it takes time for them to settle. Meanwhile, exhaustion makes cravings and low moods worse.</p>
<h2>What helps</h2>
<ul>
<li>Get up at the same time every day, even after a bad night.</li>
<li>Get outdoor light in the morning and dim the screens at night.</li>
<li>Keep caffeine to the morning.</li>
<li>If you cannot sleep after twenty minutes, get up and do something quiet until you feel sleepy.</li>
</ul>
<p>Talk to your care team before taking any sleep medicine; some carry their own risks in recovery.</p>
""",
        "scheduled": True,
    },
    {
        "slug": "supporting-a-loved-one-through-detox",
        "title": "Supporting a loved one through detox without burning out",
        "summary": "How families can help during the first week of treatment, and why looking after yourself is part of helping.",
        "authors": ["priya-nandakumar"],
        "reviewed": None,
        "categories": ["family"],
        "tags": ["family-support", "withdrawal"],
        "days": 0,
        "palette": ((110, 80, 40), (235, 205, 150)),
        "body": """
<p>When someone you love goes into detox, you may feel relief, fear and exhaustion all at once. This draft gathers what our family program teaches in its first session.</p>
<h2>In the first week</h2>
<p>Expect short calls, if any, and mixed feelings on both sides. Let the care team do their work, and use the time to rest.</p>
""",
        "draft": True,
    },
]


# Treatment pages (program slugs, condition slugs) that list each article; seed_demo
# creates the programs app's pages before the blog's articles.
TREATMENT_PAGES = {
    "chronic-pain-and-opioid-addiction": (["detox", "residential"], ["opioids"]),
    "alcohol-moderation-what-it-can-and-cannot-do": (["outpatient"], ["alcohol"]),
    "how-the-brain-heals-after-opioids": (
        ["residential", "aftercare"],
        ["opioids", "heroin"],
    ),
    "trauma-and-addiction": (["residential", "intensive-outpatient"], []),
    "setting-goals-in-early-recovery": (["aftercare", "outpatient"], []),
    "residential-or-partial-hospitalization": (
        ["residential", "partial-hospitalization"],
        [],
    ),
    "naloxone-at-home": (["family-program"], ["opioids", "heroin"]),
    "what-happens-in-medical-detox": (
        ["detox"],
        ["alcohol", "opioids", "benzodiazepines"],
    ),
    "supporting-a-loved-one-through-detox": (["family-program", "detox"], []),
}


def seed(stdout) -> None:
    people = {
        person["slug"]: Person.objects.get_or_create(
            slug=person["slug"],
            defaults={key: value for key, value in person.items() if key != "slug"},
        )[0]
        for person in PEOPLE
    }
    categories = {
        slug: Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )[0]
        for slug, name, description in CATEGORIES
    }
    tags = {
        slug: Tag.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in TAGS
    }
    _seed_team(people)
    created = 0
    for order, spec in enumerate(ARTICLES):
        if Article.objects.filter(slug=spec["slug"]).exists():
            continue
        _create_article(spec, order, people, categories, tags)
        created += 1
    if created:
        stdout.write(f"Blog: added {created} demo article(s).")
    _link_bodies_to_treatment()
    _seed_portraits(people)


# Words in demo articles that link to the treatment page they describe, as a center's
# articles do: (article slug, words in its body, the page they lead to).
TREATMENT_LINKS = [
    ("what-happens-in-medical-detox", "medical detox unit", "/treatment/detox/"),
    (
        "residential-or-partial-hospitalization",
        "residential treatment",
        "/treatment/residential/",
    ),
    (
        "residential-or-partial-hospitalization",
        "partial hospitalization program",
        "/treatment/partial-hospitalization/",
    ),
    (
        "residential-or-partial-hospitalization",
        "Previous outpatient attempts",
        "/treatment/intensive-outpatient/",
    ),
    (
        "setting-goals-in-early-recovery",
        "that is what aftercare is for",
        "/treatment/aftercare/",
    ),
    (
        "chronic-pain-and-opioid-addiction",
        "medication for opioid use disorder",
        "/addictions/opioids/",
    ),
    (
        "alcohol-moderation-what-it-can-and-cannot-do",
        "trauma or depression",
        "/treatment/outpatient/",
    ),
    ("trauma-and-addiction", "Tell the admissions team", "/admissions/"),
    ("naloxone-at-home", "heroin", "/addictions/heroin/"),
    (
        "supporting-a-loved-one-through-detox",
        "our family program",
        "/treatment/family-program/",
    ),
]


def _seed_portraits(people: dict) -> None:
    """A drawn portrait for each demo person who has none yet."""
    for index, person in enumerate(people.values()):
        if person.portrait_id:
            continue
        person.portrait = library_picture(
            person.slug,
            lambda index=index: paint("portrait", seed=index + 2, size=(480, 480)),
            title=f"{person.name}, portrait",
            alt=f"A drawn head-and-shoulders portrait of {person.name}",
            tags=["portrait", "team"],
            focal_y=40,  # the face
        )
        person.save()


def _link_bodies_to_treatment() -> None:
    """Link the first mention of each treatment in a demo article's body to its page."""
    for slug, words, url in TREATMENT_LINKS:
        article = Article.objects.filter(slug=slug).first()
        if article is None or f'href="{url}"' in article.body:
            continue
        at = _outside_links(article.body, words)
        if at < 0:
            continue
        article.body = f'{article.body[:at]}<a href="{url}">{words}</a>{article.body[at + len(words) :]}'
        article.save()


def _outside_links(body: str, words: str) -> int:
    """Where `words` first appear in text that is not already a link, or -1."""
    start = 0
    while (at := body.find(words, start)) >= 0:
        if body.rfind("<a ", 0, at) <= body.rfind("</a>", 0, at):
            return at
        start = at + len(words)
    return -1


# Issue 16: who appears on the team page, in which section and order (slug: section, order).
TEAM = {
    "maya-ellison": ("leadership", 10),
    "elena-park": ("leadership", 20),
    "jordan-reyes": ("staff", 10),
    "priya-nandakumar": ("staff", 20),
    "sam-whitaker": ("staff", 30),
}
CLINICAL_DIRECTOR = {
    "slug": "elena-park",
    "name": "Dr. Elena Park",
    "credentials": "PhD, LCAS",
    "role": "Clinical Director",
    "bio": "Dr. Park is a licensed clinical addiction specialist and psychologist. She oversees every treatment plan and trains our therapists in cognitive behavioral therapy and motivational interviewing.",
}


def _seed_team(people: dict) -> None:
    """Put the demo people on the team page once, while nobody is on it yet."""
    if Person.objects.exclude(team_section="").exists():
        return
    people = dict(people)
    people["elena-park"] = Person.objects.get_or_create(
        slug=CLINICAL_DIRECTOR["slug"],
        defaults={k: v for k, v in CLINICAL_DIRECTOR.items() if k != "slug"},
    )[0]
    for slug, (section, order) in TEAM.items():
        person = people[slug]
        person.team_section = section
        person.team_order = order
        person.save(update_fields=["team_section", "team_order"])


def _create_article(spec, order, people, categories, tags) -> None:
    now = timezone.now()
    reviewer = people["maya-ellison"] if spec["reviewed"] is not None else None
    article = Article(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        body=fuller_body(spec["slug"], spec["body"].strip()),
        status=Status.DRAFT if spec.get("draft") else Status.PUBLISHED,
        publish_at=now + timedelta(days=spec["days"], hours=-order),
        medical_reviewer=reviewer,
        reviewed_on=(timezone.localdate() - timedelta(days=spec["reviewed"]))
        if reviewer
        else None,
        featured_picture=library_picture(
            spec["slug"],
            lambda: landscape(*spec["palette"], seed=order),
            title=spec["title"],
            alt="Painted hills in layers under a soft sky and a pale sun",
            tags=["blog", "landscape"],
        ),
    )
    article.save()
    article.authors.set([people[slug] for slug in spec["authors"]])
    article.categories.set([categories[slug] for slug in spec["categories"]])
    article.tags.set([tags[slug] for slug in spec["tags"]])
    program_slugs, condition_slugs = TREATMENT_PAGES.get(spec["slug"], ([], []))
    article.programs.set(Program.objects.filter(slug__in=program_slugs))
    article.conditions.set(Condition.objects.filter(slug__in=condition_slugs))


@functools.cache
def landscape(dark, light, seed: int, size=(1600, 900)) -> bytes:
    """A calm painted landscape: a sky fading from `light`, a sun, and layered hills.
    Painted once per process (the blur is the slow part), like website.demo_images."""
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    sky_top = tuple(min(255, channel + 20) for channel in light)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(
                round(top * (1 - mix) + bottom * mix)
                for top, bottom in zip(sky_top, (250, 246, 238), strict=True)
            ),
        )
    sun_x = width * (0.25 + 0.5 * ((seed * 37) % 10) / 10)
    draw.ellipse(
        [sun_x - 90, height * 0.22, sun_x + 90, height * 0.22 + 180],
        fill=(255, 244, 214),
    )
    for layer in range(4):
        share = (layer + 1) / 4
        colour = tuple(
            round(lightc * (1 - share) + darkc * share)
            for lightc, darkc in zip(light, dark, strict=True)
        )
        base = height * (0.5 + 0.12 * layer)
        phase = seed * 1.7 + layer * 2.1
        points = [(0, height)]
        for x in range(0, width + 1, 20):
            wave = math.sin(x / (260 - layer * 30) + phase) * (46 - layer * 6)
            wave += math.sin(x / 97 + phase * 1.3) * 12
            points.append((x, base + wave))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=86, optimize=True, progressive=True)
    return output.getvalue()
