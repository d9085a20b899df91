import { LeftOutlined, RightOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Calendar, Card, Col, DatePicker, Empty, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { calendarApi } from '../../../api/admin';
import { dayjs } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { errorText } from '../../../api';
import { isWeekend, nextMark, type Mark } from '../types';

const FMT = 'YYYY-MM-DD';


interface Draft {
  holidays: Set<string>;
  workdays: Set<string>;
}

const same = (a: Set<string>, b: readonly string[]) => a.size === b.length && b.every((d) => a.has(d));

export function CalendarTab({ isPhone }: { isPhone: boolean }) {
  const { message, modal } = App.useApp();
  const [year, setYear] = useState(() => dayjs().year());
  const [view, setView] = useState<Dayjs>(() => dayjs().startOf('day'));
  const data = useAsync(['calendar', year], () => calendarApi.get(year));
  const [draft, setDraft] = useState<Draft>({ holidays: new Set(), workdays: new Set() });
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (data.data && data.data.year === year) setDraft({ holidays: new Set(data.data.holidays), workdays: new Set(data.data.workdays) });
  }, [data.data, year]);

  const loaded = data.data?.year === year ? data.data : undefined;
  const dirty = loaded ? !same(draft.holidays, loaded.holidays) || !same(draft.workdays, loaded.workdays) : false;
  const markOf = (d: Dayjs): Mark => {
    const k = d.format(FMT);
    return draft.holidays.has(k) ? 'holiday' : draft.workdays.has(k) ? 'workday' : null;
  };

  const setMark = (d: Dayjs, mark: Mark) => {
    const k = d.format(FMT);
    setDraft((prev) => {
      const holidays = new Set(prev.holidays);
      const workdays = new Set(prev.workdays);
      holidays.delete(k);
      workdays.delete(k);
      if (mark === 'holiday') holidays.add(k);
      if (mark === 'workday') workdays.add(k);
      return { holidays, workdays };
    });
  };

  const changeYear = (y: number) => {
    const go = () => {
      setYear(y);
      setView((v) => v.year(y));
    };
    if (!dirty) return go();
    modal.confirm({ title: `${year} 年的修改尚未保存`, content: '切换年份将放弃这些修改。', okText: '放弃并切换', cancelText: '取消', onOk: go });
  };

  const save = async () => {
    setSaving(true);
    try {
      const saved = await calendarApi.save(year, { holidays: [...draft.holidays].sort(), workdays: [...draft.workdays].sort() });
      message.success(`已保存 ${year} 年工作日历`);
      setDraft({ holidays: new Set(saved.holidays), workdays: new Set(saved.workdays) });
      await data.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const byMonth = useMemo(() => {
    const group = (s: Set<string>) => [...s].sort();
    return { holidays: group(draft.holidays), workdays: group(draft.workdays) };
  }, [draft]);

  return (
    <div data-testid="admin-calendar">
      <div className="admin-toolbar">
        <Space wrap>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs().year(year)}
            onChange={(d) => d && changeYear(d.year())}
            disabledDate={(d) => d.year() < 2000 || d.year() > 2100}
            style={{ width: 120 }}
            data-testid="calendar-year"
          />
          <span className="cal-legend">
            <span className="cal-mark cal-mark-holiday">休</span> 法定节假日
            <span className="cal-mark cal-mark-workday">班</span> 调休上班
          </span>
        </Space>
        <Space>
          <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => loaded && setDraft({ holidays: new Set(loaded.holidays), workdays: new Set(loaded.workdays) })}>
            撤销修改
          </Button>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={save} data-testid="calendar-save">
            保存
          </Button>
        </Space>
      </div>
      {data.error && <Alert type="error" showIcon title={errorText(data.error)} style={{ marginBottom: 12 }} />}
      {loaded && !loaded.stored && (
        <Alert type="info" showIcon title={`${year} 年尚未配置节假日，办理时限按周一至周五为工作日计算。点击日期标记后保存。`} style={{ marginBottom: 12 }} data-testid="calendar-not-stored" />
      )}
      {dirty && <Alert type="warning" showIcon title="有未保存的修改" style={{ marginBottom: 12 }} data-testid="calendar-dirty" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" styles={{ body: { padding: isPhone ? 4 : 8 } }}>
            <Spin spinning={data.loading}>
              <Calendar
                fullscreen={false}
                value={view}
                validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
                onSelect={(d, info) => {
                  setView(d);
                  if (info.source === 'date' && loaded) setMark(d, nextMark(d, markOf(d)));
                }}
                headerRender={({ value, onChange }) => (
                  <div className="cal-header">
                    <Button
                      size="small"
                      icon={<LeftOutlined />}
                      disabled={value.month() === 0}
                      onClick={() => onChange(value.subtract(1, 'month'))}
                      aria-label="上个月"
                    />
                    <Select
                      size="small"
                      value={value.month()}
                      onChange={(m) => onChange(value.month(m))}
                      options={Array.from({ length: 12 }, (_, i) => ({ value: i, label: `${year}年${i + 1}月` }))}
                      style={{ width: 120 }}
                      data-testid="calendar-month"
                    />
                    <Button
                      size="small"
                      icon={<RightOutlined />}
                      disabled={value.month() === 11}
                      onClick={() => onChange(value.add(1, 'month'))}
                      aria-label="下个月"
                    />
                    <Typography.Text type="secondary" className="cal-tip">
                      点击日期切换：工作日 ⇄ 休；周末：休息 → 班 → 休
                    </Typography.Text>
                  </div>
                )}
                fullCellRender={(d, info) => {
                  if (info.type !== 'date') return info.originNode;
                  const mark = markOf(d);
                  const inMonth = d.month() === view.month();
                  const today = d.isSame(dayjs(), 'day');
                  return (
                    <div
                      className={`cal-cell${isWeekend(d) ? ' is-weekend' : ''}${inMonth ? '' : ' is-other'}${today ? ' is-today' : ''}${mark ? ` is-${mark}` : ''}`}
                      data-testid={`calendar-day-${d.format(FMT)}`}
                      data-mark={mark ?? ''}
                    >
                      <span className="cal-day">{d.date()}</span>
                      {mark && <span className={`cal-mark cal-mark-${mark}`}>{mark === 'holiday' ? '休' : '班'}</span>}
                    </div>
                  );
                }}
                className="work-calendar"
              />
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={`${year} 年节假日（${byMonth.holidays.length} 天）`} style={{ marginBottom: 16 }}>
            <DateTags dates={byMonth.holidays} color="red" onRemove={(d) => setMark(dayjs(d), null)} onPick={(d) => setView(dayjs(d))} />
          </Card>
          <Card size="small" title={`${year} 年调休上班日（${byMonth.workdays.length} 天）`}>
            <DateTags dates={byMonth.workdays} color="blue" onRemove={(d) => setMark(dayjs(d), null)} onPick={(d) => setView(dayjs(d))} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function DateTags({ dates, color, onRemove, onPick }: { dates: string[]; color: string; onRemove(d: string): void; onPick(d: string): void }) {
  if (!dates.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />;
  return (
    <div className="date-tags">
      {dates.map((d) => (
        <Tag
          key={d}
          color={color}
          closable
          onClose={(e) => {
            e.preventDefault();
            onRemove(d);
          }}
          onClick={() => onPick(d)}
          style={{ cursor: 'pointer' }}
        >
          {dayjs(d).format('M月D日 ddd')}
        </Tag>
      ))}
    </div>
  );
}
