"""Demo text of the notices a provider must post, and of the team page.

The notices are a starting point written for the fictional center, not legal advice: each
is seeded "awaiting counsel's review" (the admin says so) and opens with a visible note
asking the center's counsel to review it before the center adopts it.
"""

COUNSEL_NOTE = (
    "<p><strong>Draft for review by the center\u2019s counsel.</strong> This demo text is a "
    "starting point only. Have your attorney or privacy officer review and adapt it before "
    "you rely on it.</p>"
)

PRIVACY_PRACTICES = {
    "slug": "notice-of-privacy-practices",
    "name": "Notice of Privacy Practices",
    "notice": "privacy-practices",
    "summary": "How Willow Ridge Recovery may use and share your health information, the extra protection federal law gives substance use disorder records, and your rights.",
    "body": COUNSEL_NOTE
    + """<p><strong>This notice describes how medical information about you may be used and disclosed and how you can get access to this information. Please review it carefully.</strong></p>
<p>Effective date: January 1, 2026. Privacy officer: (828) 555-0142, privacy@willowridge.example.</p>
<h2>Our duty to protect your information</h2>
<p>Willow Ridge Recovery is required by law to keep your protected health information private, to give you this notice of our legal duties and privacy practices, to follow the notice now in effect, and to tell you if a breach affects your unsecured information.</p>
<h2>Substance use disorder records: 42 CFR Part 2</h2>
<p>The confidentiality of substance use disorder patient records maintained by this program is protected by federal law and regulations (42 U.S.C. 290dd-2 and 42 CFR Part 2), in addition to HIPAA. Generally, we may not say to a person outside the program that you attend the program, or disclose any information identifying you as having or having had a substance use disorder, unless:</p>
<ul><li>you consent in writing, in a form that meets the requirements of 42 CFR Part 2;</li><li>the disclosure is allowed by a court order that meets the requirements of 42 CFR Part 2;</li><li>the disclosure is made to medical personnel in a medical emergency, or to qualified personnel for research, audit or program evaluation; or</li><li>the disclosure is otherwise permitted by 42 CFR Part 2.</li></ul>
<p>Records received from a Part 2 program, or testimony relaying their content, may not be used or disclosed in a civil, criminal, administrative or legislative proceeding against you unless you consent in writing or a court orders it after notice to you and an opportunity to be heard, as 42 CFR Part 2 requires. A court order authorizing such use must be accompanied by a subpoena or similar legal mandate.</p>
<p>Federal law does not protect information about a crime committed by a patient at the program or against program personnel, or about a threat to commit such a crime. Federal laws do not protect reports of suspected child abuse or neglect made under state law to appropriate state or local authorities.</p>
<p>Violation of these federal laws and regulations by a program is a crime. Suspected violations may be reported to the United States Attorney in the district where the violation occurs, and to the Substance Abuse and Mental Health Services Administration (SAMHSA).</p>
<h2>How we may use and share your information</h2>
<ul><li><strong>Treatment.</strong> Within our program, among the staff who care for you, and with other providers only as your written consent or the law allows.</li><li><strong>Payment.</strong> With your insurer, with your written consent, to be paid for your care.</li><li><strong>Health care operations.</strong> To run the program, train staff and improve care.</li><li><strong>When the law requires it</strong>, such as reports of suspected child abuse, and in a medical emergency.</li></ul>
<p>We will not sell your information or use it for marketing, and we will not share psychotherapy notes, without your written authorization.</p>
<h2>Your rights</h2>
<ul><li>See and get a copy of your records, in paper or electronic form.</li><li>Ask us to correct information you believe is wrong.</li><li>Ask us to limit what we use or share, and to contact you in a particular way or place.</li><li>Get a list of those with whom we have shared your information.</li><li>Get a paper copy of this notice at any time, and choose someone to act for you.</li><li>Revoke a consent you gave, in writing, except where we have already acted on it.</li></ul>
<h2>Complaints</h2>
<p>If you believe your privacy rights have been violated, you can complain to our privacy officer, or to the U.S. Department of Health and Human Services Office for Civil Rights, 200 Independence Avenue SW, Washington, D.C. 20201, 1-877-696-6775, www.hhs.gov/ocr/privacy/hipaa/complaints/. We will not retaliate against you for filing a complaint.</p>
<h2>Changes to this notice</h2>
<p>We may change this notice, and the changes will apply to all information we hold. The new notice will be available on request, in our office and on this website.</p>""",
}

NONDISCRIMINATION = {
    "slug": "nondiscrimination-notice",
    "name": "Nondiscrimination Notice and Language Assistance",
    "notice": "nondiscrimination",
    "summary": "We do not discriminate, and we provide free interpreters, translated documents and aids for people with disabilities.",
    "body": COUNSEL_NOTE
    + """<p>Willow Ridge Recovery complies with applicable federal civil rights laws and does not discriminate on the basis of race, color, national origin, age, disability or sex (including sex characteristics, sexual orientation, gender identity and sex stereotypes). We do not exclude people or treat them differently because of these.</p>
<h2>Free help we provide</h2>
<ul><li>Free aids and services to people with disabilities so they can communicate with us, such as qualified sign language interpreters and written information in other formats (large print, audio, accessible electronic formats).</li><li>Free language services to people whose primary language is not English, such as qualified interpreters and information written in other languages.</li></ul>
<p>If you need these services, call (828) 555-0142 (TTY 711) and ask for our civil rights coordinator.</p>
<h2>How to file a grievance</h2>
<p>If you believe that we have failed to provide these services or discriminated in another way, you can file a grievance with our civil rights coordinator, 1450 Laurel Creek Road, Brevard, NC 28712, (828) 555-0142, civilrights@willowridge.example, in person, by mail or by email. You can also file a civil rights complaint with the U.S. Department of Health and Human Services, Office for Civil Rights, at ocrportal.hhs.gov, by mail at 200 Independence Avenue SW, Room 509F, HHH Building, Washington, D.C. 20201, or by phone at 1-800-368-1019 (TDD 1-800-537-7697).</p>
<h2>Language assistance</h2>
<ul>
<li><strong>Español (Spanish):</strong> ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al (828) 555-0142 (TTY: 711).</li>
<li><strong>中文 (Chinese):</strong> 注意：如果您使用繁體中文，您可以免費獲得語言援助服務。請致電 (828) 555-0142 (TTY: 711)。</li>
<li><strong>Tiếng Việt (Vietnamese):</strong> CHÚ Ý: Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn. Gọi số (828) 555-0142 (TTY: 711).</li>
<li><strong>한국어 (Korean):</strong> 주의: 한국어를 사용하시는 경우, 언어 지원 서비스를 무료로 이용하실 수 있습니다. (828) 555-0142 (TTY: 711) 번으로 전화해 주십시오.</li>
<li><strong>العربية (Arabic):</strong> ملحوظة: إذا كنت تتحدث العربية، فإن خدمات المساعدة اللغوية تتوفر لك بالمجان. اتصل برقم (828) 555-0142 (رقم الهاتف النصي: 711).</li>
<li><strong>Français (French):</strong> ATTENTION : Si vous parlez français, des services d’aide linguistique vous sont proposés gratuitement. Appelez le (828) 555-0142 (ATS : 711).</li>
<li><strong>Русский (Russian):</strong> ВНИМАНИЕ: Если вы говорите на русском языке, то вам доступны бесплатные услуги перевода. Звоните (828) 555-0142 (телетайп: 711).</li>
<li><strong>Tagalog:</strong> PAUNAWA: Kung nagsasalita ka ng Tagalog, maaari kang gumamit ng mga serbisyo ng tulong sa wika nang walang bayad. Tumawag sa (828) 555-0142 (TTY: 711).</li>
<li><strong>Deutsch (German):</strong> ACHTUNG: Wenn Sie Deutsch sprechen, stehen Ihnen kostenlos sprachliche Hilfsdienstleistungen zur Verfügung. Rufnummer: (828) 555-0142 (TTY: 711).</li>
<li><strong>Hmoob (Hmong):</strong> LUS CEEV: Yog tias koj hais lus Hmoob, cov kev pab txog lus, muaj kev pab dawb rau koj. Hu rau (828) 555-0142 (TTY: 711).</li>
</ul>""",
}

ACCESSIBILITY = {
    "slug": "accessibility",
    "name": "Accessibility Statement",
    "notice": "accessibility",
    "summary": "Our commitment to a website everyone can use, how we test it, and how to tell us about a barrier.",
    "body": COUNSEL_NOTE
    + """<p>Willow Ridge Recovery wants everyone, including people with disabilities, to be able to learn about treatment and reach us. We aim for this website to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.</p>
<h2>What we do</h2>
<ul><li>Pages work with a keyboard alone, with screen readers and with text enlarged to 200%.</li><li>Every image that carries meaning has a text description, and colors meet contrast minimums.</li><li>Forms say clearly what went wrong and keep what you typed.</li><li>Each new page is checked with automated accessibility tests before it is published, and we review pages by hand.</li></ul>
<h2>If something does not work for you</h2>
<p>Please tell us, and we will get you the information another way while we fix it. Call (828) 555-0142 (TTY 711), or write to accessibility@willowridge.example. Say which page and what happened; we reply within two business days.</p>
<h2>In person</h2>
<p>Our lodge, dining hall, medical unit and two cottages are wheelchair accessible, and service animals are welcome. Ask admissions about any accommodation you need.</p>""",
}

NOTICES = [PRIVACY_PRACTICES, NONDISCRIMINATION, ACCESSIBILITY]

TEAM_PAGE = {
    "slug": "our-team",
    "name": "Our Team",
    "summary": "The physicians, therapists, nurses and peer specialists who care for you, with the training and licenses behind their work.",
    "sections": [("TeamSection", {})],
    "body": """<p>Recovery is built on relationships. Every person who comes to Willow Ridge is cared for by a team led by a board-certified addiction medicine physician, with licensed therapists, nurses around the clock and peer specialists who know recovery from the inside.</p>""",
}
