"""Demo conference programs: Milipol 2025 (AI in homeland security, 40 sessions over 4 days) and BAMEX 2025
(opening ceremony, sovereignty and industrial cooperation). Every speaker is fictitious.

Sessions go through `save_session`, so the demo timetable is checked for conflicts like any other.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from salon.accounts.domain.roles import Role
from salon.accreditation.domain.registrations import RegistrationData, register
from salon.accreditation.models import Registration, RegistrationStatus
from salon.editions.demo import BAMEX, MILIPOL, DemoContext
from salon.program.domain.agenda import add_to_agenda
from salon.program.domain.sessions import SessionData, add_room, add_speaker, add_track, save_session
from salon.program.models import ProgramSettings

TIME_ZONES = {MILIPOL: "Europe/Paris", BAMEX: "Africa/Bamako"}
SLOTS = [((9, 30), (10, 30)), ((11, 0), (12, 0)), ((14, 0), (15, 0)), ((15, 30), (16, 30))]
FORCES = ["police", "gendarmerie", "customs", "armed_forces", "justice"]

MILIPOL_TRACKS = [
    ("forces", "AI and security forces", "L'IA et les forces de sécurité"),
    ("justice", "AI, law and justice", "IA, droit et justice"),
    ("research", "Research and innovation", "Recherche et innovation"),
    ("industry", "Industry and sovereignty", "Industrie et souveraineté"),
    ("international", "European and international cooperation", "Coopération européenne et internationale"),
]
MILIPOL_ROOMS = [
    ("Auditorium Europe", 600),
    ("Salle Schuman", 250),
    ("Salle Lépine", 150),
    ("Espace démonstration", 80),
]
MILIPOL_SPEAKERS = [
    ("Gén. Hélène Marchetti", "Gendarmerie nationale", "security_force"),
    ("Commissaire Yann Le Goff", "Police nationale", "security_force"),
    ("Inspecteur Tomasz Wolski", "Polish National Police", "security_force"),
    ("Col. Inès Barbosa", "Guarda Nacional Republicana", "security_force"),
    ("Juge Camille Roussel", "Tribunal judiciaire de Paris", "justice"),
    ("Procureure Maëlle Dufresne", "Parquet national cyber", "justice"),
    ("Avocate Sofia Lindqvist", "European Criminal Bar", "justice"),
    ("Dr Karim Bensaïd", "Laboratoire national de l'IA de confiance", "research"),
    ("Pr Anna Keller", "Technische Universität Darmstadt", "research"),
    ("Dr Julien Fabre", "Institut de recherche criminelle", "research"),
    ("Claire Ofori", "Optisense SAS", "industry"),
    ("Marc-Antoine Giraud", "Veritas Analytics", "industry"),
    ("Elif Kaya", "Anatolia Defence Systems", "industry"),
    ("Pieter de Vries", "European Commission, DG HOME", "institution"),
    ("Laura Conti", "Europol Innovation Lab", "institution"),
    ("Amadou Keïta", "Interpol, Capacity Building", "institution"),
]
MILIPOL_TITLES = [
    (
        "Opening keynote: AI at the service of homeland security",
        "Conférence d'ouverture : l'IA au service de la sécurité intérieure",
    ),
    ("Predictive policing: promises and limits", "Police prédictive : promesses et limites"),
    ("Facial recognition under the AI Act", "La reconnaissance faciale sous l'AI Act"),
    (
        "Live demonstration: drone detection with sensor fusion",
        "Démonstration : détection de drones par fusion de capteurs",
    ),
    ("Large language models for investigators", "Les grands modèles de langage au service des enquêteurs"),
    ("Evidence produced by algorithms: admissibility in court", "La preuve algorithmique devant le juge"),
    ("Trustworthy AI: certification and testing", "IA de confiance : certification et essais"),
    (
        "Live demonstration: video analytics for crowd safety",
        "Démonstration : analyse vidéo pour la sécurité des foules",
    ),
    ("Sovereign AI: the European industrial base", "IA souveraine : la base industrielle européenne"),
    ("Europol and the EU innovation hub", "Europol et le pôle d'innovation de l'UE"),
    ("Keynote: the gendarmerie's AI roadmap", "Conférence : la feuille de route IA de la gendarmerie"),
    ("AI against child sexual abuse material", "L'IA contre les contenus pédocriminels"),
    ("Magistrates and automated decision support", "Magistrats et aide automatisée à la décision"),
    ("Live demonstration: OSINT analysis platform", "Démonstration : plateforme d'analyse OSINT"),
    ("Border management and biometric systems", "Gestion des frontières et systèmes biométriques"),
    ("Explainability for operational AI", "L'explicabilité de l'IA opérationnelle"),
    ("Start-ups and public procurement", "Start-up et commande publique"),
    ("Live demonstration: cyber-investigation toolkit", "Démonstration : boîte à outils de cyber-enquête"),
    ("Interpol: AI capacity building worldwide", "Interpol : renforcer les capacités en IA dans le monde"),
    ("Data protection in police AI systems", "Protection des données dans les systèmes d'IA policiers"),
    ("Keynote: AI and the future of public order", "Conférence : l'IA et l'avenir de l'ordre public"),
    ("Deepfakes: detection and prosecution", "Hypertrucages : détection et poursuites"),
    ("Bias audits for security algorithms", "Audits de biais des algorithmes de sécurité"),
    (
        "Live demonstration: AI-assisted emergency dispatch",
        "Démonstration : régulation des secours assistée par l'IA",
    ),
    ("Edge AI for patrol vehicles", "IA embarquée pour les véhicules de patrouille"),
    ("Digital forensics at scale", "Criminalistique numérique à grande échelle"),
    (
        "Research partnerships between forces and universities",
        "Partenariats de recherche entre forces et universités",
    ),
    (
        "Live demonstration: counter-terrorism intelligence fusion",
        "Démonstration : fusion du renseignement antiterroriste",
    ),
    ("Export controls on AI-enabled equipment", "Contrôle des exportations d'équipements dotés d'IA"),
    ("Cross-border cooperation with AI tools", "La coopération transfrontalière avec les outils d'IA"),
    ("Keynote: securing the 2030 major events", "Conférence : sécuriser les grands événements de 2030"),
    ("AI in prisons and probation", "L'IA en milieu pénitentiaire et en probation"),
    (
        "Synthetic data for training security models",
        "Données synthétiques pour entraîner les modèles de sécurité",
    ),
    (
        "Live demonstration: maritime surveillance with satellite AI",
        "Démonstration : surveillance maritime par IA satellitaire",
    ),
    (
        "Funding innovation: EU programmes for security research",
        "Financer l'innovation : programmes européens de recherche en sécurité",
    ),
    ("Ethics committees in law enforcement", "Les comités d'éthique des forces de l'ordre"),
    ("Cybercrime: AI on both sides", "Cybercriminalité : l'IA des deux côtés"),
    ("Live demonstration: counter-IED robotics", "Démonstration : robotique de déminage"),
    ("Training officers for the AI era", "Former les agents à l'ère de l'IA"),
    (
        "Closing panel: what the AI Act changes for security forces",
        "Table ronde de clôture : ce que l'AI Act change pour les forces de sécurité",
    ),
]
BAMEX_ROOMS = [("Salle des banquets", 800), ("Salle Bozola", 200)]
BAMEX_TRACKS = [
    ("sovereignty", "Sovereignty and security", "Souveraineté et sécurité"),
    ("industry", "Industrial cooperation", "Coopération industrielle"),
]
BAMEX_SPEAKERS = [
    ("Gén. Boubacar Traoré", "État-major général des armées (fictitious)", "security_force"),
    ("Aminata Coulibaly", "Ministère de la Défense (fictitious)", "institution"),
    ("Col. Seydou Diarra", "Direction du matériel (fictitious)", "security_force"),
    ("Mehmet Aydın", "Turkish defence industry agency (fictitious)", "institution"),
    ("Dr Mariam Sangaré", "Université des sciences de Bamako (fictitious)", "research"),
    ("Ousmane Touré", "Sahel Mechanics SA (fictitious)", "industry"),
]
BAMEX_SESSIONS = [
    # (day offset, start, end, room, track, format, language, interpretation, title_en, title_fr, speakers)
    (
        0,
        (10, 0),
        (11, 30),
        0,
        "sovereignty",
        "keynote",
        "fr",
        True,
        "Opening ceremony and official speeches",
        "Cérémonie d'ouverture et discours officiels",
        [0, 1, 3],
    ),
    (
        0,
        (14, 0),
        (15, 30),
        0,
        "sovereignty",
        "panel",
        "fr",
        True,
        "Defence sovereignty in the Sahel",
        "La souveraineté de défense au Sahel",
        [0, 2, 4],
    ),
    (
        0,
        (16, 0),
        (17, 0),
        1,
        "industry",
        "panel",
        "fr",
        False,
        "Building a national defence industry",
        "Bâtir une industrie de défense nationale",
        [5, 2],
    ),
    (
        1,
        (10, 0),
        (11, 30),
        0,
        "industry",
        "panel",
        "en",
        True,
        "Industrial cooperation with the guest of honour, Türkiye",
        "Coopération industrielle avec l'invité d'honneur, la Türkiye",
        [3, 5, 1],
    ),
    (
        1,
        (14, 0),
        (15, 0),
        1,
        "industry",
        "workshop",
        "fr",
        False,
        "Local maintenance of military equipment",
        "Maintenance locale des équipements militaires",
        [2, 5],
    ),
    (
        2,
        (10, 0),
        (11, 30),
        0,
        "sovereignty",
        "panel",
        "fr",
        True,
        "Regional security cooperation",
        "Coopération sécuritaire régionale",
        [0, 1],
    ),
    (
        2,
        (14, 0),
        (15, 0),
        1,
        "industry",
        "demonstration",
        "fr",
        False,
        "Demonstration: tactical communications",
        "Démonstration : communications tactiques",
        [5],
    ),
    (
        3,
        (10, 0),
        (11, 0),
        0,
        "industry",
        "panel",
        "fr",
        True,
        "Training and technology transfer",
        "Formation et transferts de technologie",
        [4, 3],
    ),
    (
        3,
        (11, 30),
        (12, 30),
        0,
        "sovereignty",
        "keynote",
        "fr",
        True,
        "Closing address",
        "Allocution de clôture",
        [1],
    ),
]


def ensure_settings(edition) -> ProgramSettings:
    """Both the program and delegations loaders call this (delegations runs first in INSTALLED_APPS)."""
    row, _ = ProgramSettings.objects.get_or_create(edition=edition)
    row.time_zone = TIME_ZONES.get(edition.slug, "Europe/Paris")
    row.opens_at, row.closes_at = dt.time(9), dt.time(18)
    row.save()
    return row


def _speakers(edition, rows, organizer):
    return [add_speaker(edition, full_name=n, organization=o, kind=k, actor=organizer) for n, o, k in rows]


def _tracks(edition, rows, organizer):
    return {
        code: add_track(edition, code=code, name_en=en, name_fr=fr, actor=organizer) for code, en, fr in rows
    }


def _milipol(context: DemoContext, organizer) -> int:
    edition = context.editions[MILIPOL]
    tz = ZoneInfo(ensure_settings(edition).time_zone)
    rooms = [add_room(edition, name=name, capacity=seats, actor=organizer) for name, seats in MILIPOL_ROOMS]
    tracks = _tracks(edition, MILIPOL_TRACKS, organizer)
    speakers = _speakers(edition, MILIPOL_SPEAKERS, organizer)
    track_cycle = ["forces", "justice", "research", "industry", "international"]
    count = 0
    for index, (title_en, title_fr) in enumerate(MILIPOL_TITLES):
        day, rest = divmod(index, 10)
        slot, room_index = divmod(rest, 3) if rest < 9 else (3, 3)
        if "demonstration" in title_en.lower():
            room_index = 3
        elif room_index == 3:
            room_index = 0
        # Demonstrations get the demo area in their slot; keep the slot's other rooms distinct.
        slot = min(slot, 3)
        room = rooms[room_index]
        start_h, end_h = SLOTS[slot]
        day_date = edition.start_date + dt.timedelta(days=day)
        demo = room_index == 3
        keynote = title_en.startswith(("Opening keynote", "Keynote"))
        people = [
            speakers[(day * 5 + slot * 4 + room_index) % 16],
            speakers[(day * 5 + slot * 4 + room_index + 8) % 16],
        ]
        data = SessionData(
            title_en=title_en,
            title_fr=title_fr,
            abstract_en=f"{title_en}. Part of the Milipol 2025 conference cycle on AI in homeland security.",
            abstract_fr=f"{title_fr}. Dans le cadre du cycle de conférences Milipol 2025 sur l'IA au "
            "service de la sécurité intérieure.",
            format="demonstration"
            if demo
            else "keynote"
            if keynote
            else "panel"
            if room_index == 0
            else "workshop",
            language="en" if index % 3 == 2 else "fr",
            interpretation=room_index == 0,
            starts_at=dt.datetime.combine(day_date, dt.time(*start_h), tzinfo=tz),
            ends_at=dt.datetime.combine(day_date, dt.time(*end_h), tzinfo=tz),
            room_id=room.pk,
            track_id=tracks[track_cycle[index % 5]].pk,
            expected_audience=int(room.capacity * (0.9 if keynote else 0.6)),
            restricted=demo,
            allowed_sectors=FORCES if demo else [],
            speaker_ids=[p.pk for p in (people[:1] if keynote else people)],
        )
        save_session(edition, data, actor=organizer)
        count += 1
    return count


def _bamex(context: DemoContext, organizer) -> int:
    edition = context.editions[BAMEX]
    tz = ZoneInfo(ensure_settings(edition).time_zone)
    rooms = [add_room(edition, name=name, capacity=seats, actor=organizer) for name, seats in BAMEX_ROOMS]
    tracks = _tracks(edition, BAMEX_TRACKS, organizer)
    speakers = _speakers(edition, BAMEX_SPEAKERS, organizer)
    for (
        day,
        start,
        end,
        room,
        track,
        form,
        language,
        interpretation,
        title_en,
        title_fr,
        people,
    ) in BAMEX_SESSIONS:
        day_date = edition.start_date + dt.timedelta(days=day)
        save_session(
            edition,
            SessionData(
                title_en=title_en,
                title_fr=title_fr,
                format=form,
                language=language,
                interpretation=interpretation,
                starts_at=dt.datetime.combine(day_date, dt.time(*start), tzinfo=tz),
                ends_at=dt.datetime.combine(day_date, dt.time(*end), tzinfo=tz),
                room_id=rooms[room].pk,
                track_id=tracks[track].pk,
                expected_audience=int(rooms[room].capacity * 0.7),
                speaker_ids=[speakers[i].pk for i in people],
            ),
            actor=organizer,
        )
    return len(BAMEX_SESSIONS)


def load_demo(context: DemoContext) -> None:
    organizer = context.users["organizer"]
    milipol, bamex = _milipol(context, organizer), _bamex(context, organizer)
    visitor = context.user(
        "conference-visitor",
        Role.VISITOR,
        first_name="Julie",
        last_name="Morel",
        hint="visitor (accredited police officer): program, restricted demonstrations, personal agenda, iCal",
    )
    edition = context.editions[MILIPOL]
    registration = register(
        edition,
        RegistrationData(
            given_names="Julie",
            family_name="Morel",
            birth_date="1987-03-14",
            nationality="FR",
            organization="Police nationale",
            sector="police",
            id_document_type="professional_card",
            id_document_number="PN0458213",
            email="conference-visitor@salon.example",
            language="fr",
        ),
        actor=visitor,
    )
    Registration.objects.filter(pk=registration.pk).update(
        status=RegistrationStatus.ACCREDITED, decision_reason="Demo: accredited"
    )
    for session in edition.sessions.order_by("starts_at")[:3]:
        add_to_agenda(visitor, session)
    context.say(
        f"program: Milipol {milipol} sessions, BAMEX {bamex} sessions; a visitor agenda with 3 sessions"
    )
