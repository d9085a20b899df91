import { SafetyCertificateFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { enterprisesApi, type Enterprise, type HealthCode } from '../../../api/enterprises';
import { HEALTH_CODE_META } from '../../../i18n/labels';

/** The big three-colour code of an enterprise. */
export function HealthCodeBadge({ code }: { code: HealthCode }) {
  const meta = HEALTH_CODE_META[code];
  return (
    <div className={`health-badge health-${code}`} style={{ background: meta.color }} data-testid="health-code" data-code={code}>
      <SafetyCertificateFilled className="health-badge-icon" />
      <div className="health-badge-label">{meta.label}</div>
      <div className="health-badge-text">{meta.text}</div>
    </div>
  );
}

export function HealthCodeTag({ code }: { code: HealthCode }) {
  const meta = HEALTH_CODE_META[code];
  return (
    <Tag color={meta.tag} data-testid="health-code-tag" data-code={code} style={{ marginInlineEnd: 4 }}>
      {meta.label}
    </Tag>
  );
}

const cache = new Map<string, Promise<Enterprise>>();

/** On a case: the enterprise's name and health code, linking to its page. */
export function EnterpriseLink({ creditCode }: { creditCode: string }) {
  const [ent, setEnt] = useState<Enterprise | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    let p = cache.get(creditCode);
    if (!p) {
      p = enterprisesApi.get(creditCode);
      cache.set(creditCode, p);
      // a lookup that failed is tried again next time; a found one stays for a minute
      p.then(
        () => setTimeout(() => cache.delete(creditCode), 60_000),
        () => cache.delete(creditCode),
      );
    }
    p.then((e) => alive && setEnt(e)).catch(() => alive && setFailed(true));
    return () => {
      alive = false;
    };
  }, [creditCode]);
  return (
    <Link to={`/enterprises/${encodeURIComponent(creditCode)}`} data-testid="case-enterprise-link" className="enterprise-link">
      {ent && <HealthCodeTag code={ent.healthCode} />}
      {ent ? ent.name : creditCode}
      {failed && '（查看企业健康码）'}
    </Link>
  );
}
