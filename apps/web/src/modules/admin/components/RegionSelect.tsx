import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { RegionNode } from '../../../api/regions';
import { toTreeOptions } from '../../cases/hooks/useRegions';

interface Props {
  tree: RegionNode[];
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Deepest level offered (default: grid). */
  maxLevel?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  className?: string;
  testId?: string;
}

/** A searchable region picker over GET /regions. */
export function RegionSelect({ tree, value, onChange, maxLevel = 'grid', placeholder = '选择行政区划', allowClear, disabled, style, className, testId }: Props) {
  const options = useMemo(() => toTreeOptions(tree, maxLevel), [tree, maxLevel]);
  return (
    <TreeSelect
      value={value}
      onChange={(v) => onChange?.(v as string | undefined)}
      treeData={options}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder}
      treeDefaultExpandedKeys={tree.map((n) => n.code)}
      style={style}
      className={className}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
