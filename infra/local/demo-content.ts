/**
 * Sample content for the seeded demo institution and `npm run demo`, modelled on the framework
 * seeds: leadership micro-credentials that stack (Educational + Corporate → Leadership), each
 * earned through educational, demonstration and reflective components.
 */
export const demoInstitution = {
  name: 'Northbridge Polytechnic',
  url: 'https://northbridge.example.edu',
  email: 'microcredentials@northbridge.example.edu',
  description:
    'A polytechnic that issues industry-endorsed micro-credentials to learners at every stage of their careers.',
  address: { addressLocality: 'Toronto', addressRegion: 'ON', addressCountry: 'CA' },
};

const components = (skill: string) => ({
  educational: {
    title: `${skill}: online module`,
    criteria: `Complete the four-week ${skill.toLowerCase()} module and pass its knowledge checks (70% or better).`,
    evidenceGuidance: 'Upload the module completion record or link to it.',
  },
  demonstration: {
    title: `${skill}: workplace demonstration`,
    criteria: `Plan and lead a real ${skill.toLowerCase()} initiative and document its outcome.`,
    evidenceGuidance: 'A short report (PDF) and any artefacts, plus a supervisor statement.',
  },
  reflective: {
    title: `${skill}: reflection`,
    criteria:
      'Reflect on how the learning changed your practice and why you sought it (500–800 words).',
  },
});

export const demoDesigns = [
  {
    name: 'Educational Leadership',
    description:
      'Certifies the ability to lead teaching teams: setting direction, coaching colleagues and leading change in a school or college.',
    criteria:
      'Earners complete the educational module, lead a team initiative in an education setting, and reflect on its impact.',
    learningOutcomes: [
      'Set a shared direction for a teaching team',
      'Coach colleagues using evidence from practice',
      'Lead and evaluate a change initiative',
    ],
    competencies: [
      {
        name: 'Lead a team',
        framework: 'ESCO',
        code: 'S4.8.1',
        url: 'https://esco.ec.europa.eu/en/classification/skill?uri=http://data.europa.eu/esco/skill/S4.8.1',
        type: 'CEASN_COMPETENCY' as const,
      },
    ],
    level: { framework: 'EQF', value: '5', name: 'Short-cycle tertiary' },
    workload: { hours: 40, ects: 1.5 },
    language: 'en',
    assessmentType: 'Portfolio with a supervised workplace demonstration',
    participationForm: 'BLENDED' as const,
    elements: {
      assessment: {
        methods: ['PORTFOLIO' as const, 'PRACTICAL_DEMONSTRATION' as const],
        detail: 'A portfolio of coaching records and a demonstration observed by a supervisor.',
      },
      supervision: 'SUPERVISED_ON_SITE' as const,
      identityVerification: 'ON_SITE' as const,
      qualityAssurance: {
        type: 'INTERNAL' as const,
        detail: 'Approved through the institution’s micro-credential QA framework.',
      },
      creditBearing: false,
      transcriptable: true,
      prerequisites: ['Two years of teaching experience'],
      stackingOptions: 'Stacks with Corporate Leadership into the Leadership badge.',
      languages: ['en'],
    },
    tags: ['leadership', 'education'],
    humanCode: 'MC-EDL-101',
    validityMonths: 36,
    components: components('Educational leadership'),
  },
  {
    name: 'Corporate Leadership',
    description:
      'Certifies the ability to lead people and projects in an organisation: motivating teams, delegating and managing performance.',
    criteria:
      'Earners complete the educational module, lead a workplace project, and reflect on their leadership practice.',
    learningOutcomes: [
      'Motivate and align a team around organisational goals',
      'Delegate work and manage performance fairly',
      'Communicate decisions to stakeholders',
    ],
    competencies: [
      {
        name: 'Manage staff',
        framework: 'ESCO',
        code: 'S4.8.4',
        url: 'https://esco.ec.europa.eu/en/classification/skill?uri=http://data.europa.eu/esco/skill/S4.8.4',
        type: 'CEASN_COMPETENCY' as const,
      },
    ],
    level: { framework: 'EQF', value: '5', name: 'Short-cycle tertiary' },
    workload: { hours: 40, ects: 1.5 },
    language: 'en',
    assessmentType: 'Workplace project with a supervisor assessment',
    participationForm: 'WORK_BASED' as const,
    elements: {
      assessment: { methods: ['PROJECT' as const, 'WORKPLACE_OBSERVATION' as const] },
      supervision: 'SUPERVISED_ON_SITE' as const,
      identityVerification: 'ON_SITE' as const,
      qualityAssurance: { type: 'INTERNAL' as const },
      creditBearing: false,
      transcriptable: true,
      prerequisites: [],
      stackingOptions: 'Stacks with Educational Leadership into the Leadership badge.',
      languages: ['en', 'fr'],
    },
    tags: ['leadership', 'business'],
    humanCode: 'MC-CRL-101',
    components: components('Corporate leadership'),
  },
];

/**
 * The macro-badge the two leadership micro-credentials stack into (horizontally: breadth
 * across leadership). It is a design like any other, reviewed and published through QA.
 */
export const demoStackedDesign = {
  name: 'Leadership',
  achievementType: 'Badge' as const,
  description:
    'Recognises leadership across settings: earned by holding both Educational Leadership and Corporate Leadership.',
  criteria:
    'Awarded automatically to learners who hold active Educational Leadership and Corporate Leadership micro-credentials.',
  learningOutcomes: [
    'Lead teams in education and in organisations',
    'Adapt leadership practice to the setting',
  ],
  competencies: [...demoDesigns[0]!.competencies, ...demoDesigns[1]!.competencies],
  level: { framework: 'EQF', value: '5', name: 'Short-cycle tertiary' },
  workload: { hours: 80, ects: 3 },
  language: 'en',
  assessmentType: 'Stacked from assessed micro-credentials',
  participationForm: 'BLENDED' as const,
  elements: {
    assessment: {
      methods: ['RECOGNITION_OF_PARTS' as const],
      detail: 'Earned by holding its parts, each assessed on its own.',
    },
    supervision: 'SUPERVISED_ON_SITE' as const,
    identityVerification: 'ON_SITE' as const,
    qualityAssurance: { type: 'INTERNAL' as const },
    creditBearing: false,
    transcriptable: true,
    prerequisites: [],
    integrationOptions: 'Recognised toward the institution’s leadership certificate.',
    languages: ['en'],
  },
  tags: ['leadership', 'stacked'],
  humanCode: 'MB-LDR-201',
  components: {
    educational: {
      title: 'Leadership modules',
      criteria: 'The educational components of both micro-credentials.',
    },
    demonstration: {
      title: 'Leadership in two settings',
      criteria: 'The workplace demonstrations of both micro-credentials.',
    },
    reflective: {
      title: 'Reflections on leadership',
      criteria: 'The reflections of both micro-credentials.',
    },
  },
};
