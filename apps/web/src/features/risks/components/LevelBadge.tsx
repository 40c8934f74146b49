import { Badge } from '@mantine/core';
import { readableTextColor } from '../heatmap.js';
import { useBilingual } from '../labels.js';

interface LevelBadgeProps {
  level: { en: string; zh: string; color: string } | null | undefined;
}

/** A risk level in its methodology's colour, always with its name in words. */
export function LevelBadge({ level }: LevelBadgeProps) {
  const text = useBilingual();
  if (!level) return <>—</>;
  return (
    <Badge
      variant="filled"
      radius="sm"
      styles={{ root: { background: level.color, color: readableTextColor(level.color) } }}
    >
      {text(level)}
    </Badge>
  );
}
