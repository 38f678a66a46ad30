/**
 * An instance type's name, explained part by part, after AWS's "Amazon EC2 instance type naming
 * conventions" (docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html, as read on
 * 2026-11-29): series (the instance family's purpose), generation, processor option, additional
 * capabilities, then the size after the dot. e.g. "m7gd.2xlarge" = general purpose, 7th generation,
 * AWS Graviton, local NVMe instance store, 2xlarge.
 */

/** Series letters (before the generation digit), longest first so "inf" wins over "i". */
const SERIES: readonly { code: string; purpose: string }[] = [
  { code: 'trn', purpose: 'AWS Trainium (machine-learning training)' },
  { code: 'inf', purpose: 'AWS Inferentia (machine-learning inference)' },
  { code: 'hpc', purpose: 'High performance computing' },
  { code: 'mac', purpose: 'macOS (Apple Mac hardware)' },
  { code: 'dl', purpose: 'Deep learning' },
  { code: 'gr', purpose: 'Graphics intensive (GPU) with more memory per vCPU' },
  { code: 'im', purpose: 'Storage optimized, 1:4 vCPU to memory' },
  { code: 'is', purpose: 'Storage optimized, 1:6 vCPU to memory' },
  { code: 'vt', purpose: 'Video transcoding' },
  { code: 'a', purpose: 'Arm-based general purpose (first AWS Graviton)' },
  { code: 'c', purpose: 'Compute optimized' },
  { code: 'd', purpose: 'Dense storage (HDD)' },
  { code: 'f', purpose: 'FPGA' },
  { code: 'g', purpose: 'Graphics intensive (GPU)' },
  { code: 'h', purpose: 'HDD storage' },
  { code: 'i', purpose: 'Storage optimized (NVMe SSD)' },
  { code: 'm', purpose: 'General purpose' },
  { code: 'p', purpose: 'GPU accelerated' },
  { code: 'r', purpose: 'Memory optimized' },
  { code: 't', purpose: 'Burstable performance' },
  { code: 'u', purpose: 'High memory' },
  { code: 'x', purpose: 'Memory intensive' },
  { code: 'z', purpose: 'High frequency and memory' },
];

/** Processor option: the first letter after the generation, when it is one of these. */
const PROCESSORS: Record<string, string> = { a: 'AMD', g: 'AWS Graviton', i: 'Intel' };

/** Additional capabilities, as AWS lists them. */
const CAPABILITIES: Record<string, string> = {
  b: 'Block storage (EBS) optimized',
  d: 'Local NVMe instance store',
  e: 'Extra storage or memory',
  n: 'Network and EBS optimized',
  q: 'Qualcomm inference accelerators',
  z: 'High performance (high frequency)',
  flex: 'Flex instance (baseline performance, lower price)',
};

export interface NamePart {
  /** The characters of the name this part reads ("m", "7", "g", "d", "2xlarge"). */
  text: string;
  /** What they mean. */
  meaning: string;
}

export interface InstanceNameExplained {
  instanceType: string;
  family: string;
  series: NamePart | null;
  generation: NamePart | null;
  processor: NamePart | null;
  capabilities: NamePart[];
  /** What follows a dash in the family ("12tb" memory, "m2pro" chip, "b200" GPU), when any. */
  variant: NamePart | null;
  size: NamePart | null;
}

function sizeMeaning(size: string): string {
  if (size === 'metal') return 'Bare metal: the whole server, no hypervisor';
  const metal = /^metal-(\d+)xl$/.exec(size);
  if (metal) return `Bare metal with the resources of a ${metal[1]}xlarge`;
  const multiple = /^(\d+)xlarge$/.exec(size);
  if (multiple) return `${multiple[1]} × xlarge`;
  const named: Record<string, string> = {
    nano: 'Smallest size',
    micro: 'Size micro',
    small: 'Size small',
    medium: 'Size medium',
    large: 'Size large',
    xlarge: 'Size xlarge (twice large)',
  };
  return named[size] ?? `Size ${size}`;
}

function variantMeaning(variant: string): string {
  const memory = /^(\d+)tb\d*$/.exec(variant);
  if (memory) return `${memory[1]} TiB of memory`;
  const chip = /^m(\d+)(pro|max|ultra)?$/.exec(variant);
  if (chip) {
    const tier = chip[2] ? ` ${chip[2][0]!.toUpperCase()}${chip[2].slice(1)}` : '';
    return `Apple M${chip[1]}${tier} chip`;
  }
  if (/^b\d+/.test(variant)) return `NVIDIA ${variant.toUpperCase()} GPUs`;
  if (variant === 'flex') return CAPABILITIES.flex as string;
  return `Variant ${variant}`;
}

/** Reads the capability letters after the processor, "flex" as one word. */
function capabilitiesOf(letters: string): NamePart[] {
  const parts: NamePart[] = [];
  for (let i = 0; i < letters.length; i++) {
    if (letters.startsWith('flex', i)) {
      parts.push({ text: 'flex', meaning: CAPABILITIES.flex as string });
      i += 3;
      continue;
    }
    const c = letters[i] as string;
    parts.push({ text: c, meaning: CAPABILITIES[c] ?? 'Not in AWS’s naming list: see the family’s page' });
  }
  return parts;
}

/** An instance type's family and size, either side of its dot ("m5.large" → m5, large); no dot: no size. */
export function instanceTypeParts(instanceType: string): { family: string; size: string | null } {
  const dot = instanceType.indexOf('.');
  return dot < 0
    ? { family: instanceType, size: null }
    : { family: instanceType.slice(0, dot), size: instanceType.slice(dot + 1) };
}

/** Explains an instance type's name; parts that cannot be read are null (never guessed). */
export function explainInstanceName(instanceType: string): InstanceNameExplained {
  const { family, size } = instanceTypeParts(instanceType);
  const result: InstanceNameExplained = {
    instanceType,
    family,
    series: null,
    generation: null,
    processor: null,
    capabilities: [],
    variant: null,
    size: size ? { text: size, meaning: sizeMeaning(size) } : null,
  };
  // "u-3tb1": the high-memory series with its memory before the generation.
  const oldHighMemory = /^u-(\d+tb)(\d+)$/.exec(family);
  const [base = family, ...rest] = oldHighMemory ? [family] : family.split('-');
  const variant = oldHighMemory ? oldHighMemory[1] : rest.join('-');
  if (variant) result.variant = { text: variant, meaning: variantMeaning(variant) };
  // A series then its generation ("m7…"), or a series alone before a dash ("mac-m4").
  const series = SERIES.find(
    (s) => base === s.code || (base.startsWith(s.code) && /^\d/.test(base.slice(s.code.length))),
  );
  const seriesCode = oldHighMemory ? 'u' : series?.code;
  if (!seriesCode) return result;
  result.series = {
    text: seriesCode,
    meaning: SERIES.find((s) => s.code === seriesCode)?.purpose as string,
  };
  const tail = oldHighMemory ? (oldHighMemory[2] as string) : base.slice(seriesCode.length);
  const digits = /^\d+/.exec(tail)?.[0] ?? '';
  if (digits) result.generation = { text: digits, meaning: `Generation ${digits}` };
  let letters = tail.slice(digits.length);
  const processor = letters[0] !== undefined ? PROCESSORS[letters[0]] : undefined;
  if (processor) {
    result.processor = { text: letters[0] as string, meaning: processor };
    letters = letters.slice(1);
  }
  result.capabilities = capabilitiesOf(letters);
  if (result.variant?.text === 'flex') {
    result.capabilities.push(result.variant);
    result.variant = null;
  }
  return result;
}
