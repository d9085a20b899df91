// 上报问题 — mobile first: the grid inspector on patrol, one hand, a weak signal.
import { AimOutlined, CheckCircleOutlined, CloudUploadOutlined, EnvironmentOutlined, WifiOutlined } from '@ant-design/icons';
import { CATEGORIES, PUBLIC_REPORT_SOURCES, SUB_CATEGORIES, type CaseSource } from '@ecoloop/workflow';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { casesApi } from '../../../api/cases';
import { evidenceRule, PhotoPicker, uploadedIds, type PickedFile } from '../../../components/PhotoPicker';
import { CATEGORY_LABELS, categoryLabel, sourceOptions, stateLabel, SUB_CATEGORY_LABELS } from '../../../i18n/labels';
import { LocationPicker } from '../../geo/components/LocationPicker';
import { useUser } from '../../auth/hooks/useSession';
import { toTreeOptions, useRegions } from '../../cases/hooks/useRegions';
import type { CreateCaseInput } from '../../cases/types';
import { useGeolocation } from '../hooks/useGeolocation';
import { useReportDraft } from '../hooks/useReportDraft';
import { useResilientSubmit } from '../hooks/useResilientSubmit';
import type { ReportDraft } from '../types';
import { describePlace } from '../lib/place';

type FormValues = Omit<ReportDraft, 'idempotencyKey' | 'photos' | 'updatedAt'> & { photos: PickedFile[]; _position?: string };

/** An address this page wrote from the position (and may rewrite when the position moves). */
const AUTO_ADDRESS = /^嘉兴市\S*附近$/;

export function ReportPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isGrid = user.roles.includes('grid_inspector');
  const { draft, update, reset, restored } = useReportDraft(user.id, { source: isGrid ? 'grid_patrol' : 'hotline' });
  const [form] = Form.useForm<FormValues>();
  const geo = useGeolocation();
  const { tree } = useRegions();
  const [online, setOnline] = useState(() => navigator.onLine);

  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);

  const initialValues = useMemo<FormValues>(
    () => ({
      ...draft,
      photos: draft.photos.map((p) => ({ uid: p.uid, id: p.id, name: p.name, size: 0, type: '', status: 'done' as const })),
    }),
    // only when a new draft starts
    [draft.idempotencyKey],
  );
  useEffect(() => form.resetFields(), [initialValues, form]);

  const topCategory = Form.useWatch('topCategory', form);
  const source = Form.useWatch('source', form) as CaseSource | undefined;
  const subCategory = Form.useWatch('subCategory', form) as string | undefined;
  const subs = SUB_CATEGORIES.filter((s) => topCategory && s.startsWith(`${topCategory}.`));
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const hasPosition = typeof lat === 'number' && typeof lng === 'number';
  const [manual, setManual] = useState(false);
  const positionRequired = isGrid || source === 'grid_patrol';
  const place = useMemo(() => (hasPosition ? describePlace(lng, lat, user.regionCode, tree) : null), [hasPosition, lat, lng, user.regionCode, tree]);
  const category = subCategory && topCategory && subCategory.startsWith(`${topCategory}.`) ? subCategory : topCategory;
  // Likely duplicates: open cases of the same kind within 300 m, before the report is sent.
  const nearby = useQuery({
    queryKey: ['cases', 'nearby', lat, lng, category],
    queryFn: () => casesApi.nearby({ lat: lat!, lng: lng!, category: category! }),
    enabled: hasPosition && !!category && online,
    staleTime: 60_000,
  });
  const nearbyCases = nearby.data ?? [];
  const nearbyMarkers = useMemo(
    () => nearbyCases.filter((c) => c.lat !== null && c.lng !== null).map((c) => ({ lat: c.lat!, lng: c.lng!, name: `${c.code} ${c.title}` })),
    [nearbyCases],
  );

  const buildInput = (): CreateCaseInput => {
    const v = form.getFieldsValue(true) as FormValues;
    const input: CreateCaseInput = {
      title: (v.title ?? '').trim(),
      description: (v.description ?? '').trim(),
      // A draft keeps plain strings; the choices come from CATEGORIES / SUB_CATEGORIES (the API checks them too).
      category: (v.subCategory && v.subCategory.startsWith(`${v.topCategory}.`) ? v.subCategory : v.topCategory!) as CreateCaseInput['category'],
      source: isGrid ? 'grid_patrol' : v.source,
      severity: v.severity ?? 'general',
    };
    if (!isGrid && v.regionCode) input.regionCode = v.regionCode;
    if (typeof v.lat === 'number' && typeof v.lng === 'number') {
      input.lat = v.lat;
      input.lng = v.lng;
    }
    if (v.address?.trim()) input.address = v.address.trim();
    if (v.enterpriseCreditCode?.trim()) input.enterpriseCreditCode = v.enterpriseCreditCode.trim().toUpperCase();
    const ids = uploadedIds(v.photos);
    if (ids.length) input.attachmentIds = ids;
    if (!isGrid && PUBLIC_REPORT_SOURCES.includes(input.source)) {
      if (v.reporterName?.trim()) input.reporterName = v.reporterName.trim();
      if (v.reporterPhone?.trim()) input.reporterPhone = v.reporterPhone.trim();
    }
    return input;
  };

  const submit = useResilientSubmit(
    () => casesApi.create(buildInput(), draft.idempotencyKey),
    (created) => {
      reset();
      message.success(`上报成功${created?.code ? `，编号 ${created.code}` : ''}`);
      if (created?.id) navigate(`/cases/${created.id}`, { replace: true });
      else navigate('/worklist', { replace: true });
    },
  );

  /** The address follows the position unless the reporter wrote one. */
  const addressFor = (la: number, ln: number, current: string | undefined): string | undefined => {
    const text = describePlace(ln, la, user.regionCode, tree).text;
    if (!text) return undefined;
    return !current?.trim() || AUTO_ADDRESS.test(current.trim()) ? text : undefined;
  };

  const onValuesChange = (changed: Partial<FormValues>, all: FormValues) => {
    if (('lat' in changed || 'lng' in changed) && typeof all.lat === 'number' && typeof all.lng === 'number') {
      const address = addressFor(all.lat, all.lng, all.address);
      if (address && address !== all.address) {
        form.setFieldValue('address', address);
        all = { ...all, address };
      }
    }
    const { photos, _position, ...rest } = all;
    update({
      ...rest,
      photos: (photos ?? [])
        .filter((p) => p.status === 'done' && p.id)
        .map((p) => ({ uid: p.uid, id: p.id!, name: p.name })),
    });
  };

  /** A position from locating or from the pin. */
  const setPosition = (la: number, ln: number, accuracy?: number) => {
    form.setFieldsValue({ lat: la, lng: ln, accuracy });
    onValuesChange({ lat: la, lng: ln }, form.getFieldsValue(true) as FormValues);
    if (form.getFieldError('_position').length) void form.validateFields(['_position']).catch(() => undefined);
  };

  const locate = async () => {
    const s = await geo.locate();
    if (s.kind === 'ok') setPosition(s.lat, s.lng, s.accuracy);
  };

  // Location first: a new report locates itself on open.
  const located = useRef(false);
  useEffect(() => {
    if (located.current) return;
    located.current = true;
    if (typeof draft.lat !== 'number') void locate();
    // once per page, whatever changes later
  }, []);

  // The region tree arrives after the first position: name the town then.
  useEffect(() => {
    const v = form.getFieldsValue(true) as FormValues;
    if (tree.length && typeof v.lat === 'number' && typeof v.lng === 'number') onValuesChange({ lat: v.lat }, v);
    // only when the tree arrives; the position's own changes go through onValuesChange
  }, [tree]);

  const onFinish = () => submit.start();


  return (
    <div className="page report-page" data-testid="page-report">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          上报问题
        </Typography.Title>
        {!online && (
          <Typography.Text type="warning">
            <WifiOutlined /> 离线
          </Typography.Text>
        )}
      </div>
      {restored && (draft.title || draft.description || draft.photos.length > 0) && submit.status.kind === 'idle' && (
        <Alert
          type="info"
          showIcon
          title="已恢复上次未提交的草稿"
          action={
            <Button size="small" onClick={reset} data-testid="report-discard">
              重新填写
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={onFinish}
        size="large"
        scrollToFirstError
        disabled={submit.busy}
      >
        <Card
          size="small"
          title={positionRequired ? '位置（必填）' : '位置'}
          className="report-card"
          extra={
            <Button
              size="small"
              type="link"
              icon={<AimOutlined />}
              onClick={locate}
              loading={geo.state.kind === 'locating'}
              data-testid="report-locate"
            >
              {hasPosition ? '重新定位' : '获取当前位置'}
            </Button>
          }
        >
          {geo.state.kind === 'locating' && !hasPosition && (
            <Typography.Text type="secondary" className="report-locating">
              正在定位…
            </Typography.Text>
          )}
          {geo.state.kind === 'error' && !hasPosition && (
            <Alert type="warning" showIcon title={geo.state.message} data-testid="report-geo-error" style={{ marginBottom: 8 }} />
          )}
          <LocationPicker lat={lat} lng={lng} onChange={(la, ln) => setPosition(la, ln)} markers={nearbyMarkers} height={240} testId="report-map" />
          <div className="report-place">
            {hasPosition ? (
              <Typography.Text type={place?.text ? 'success' : 'warning'} data-testid="report-position">
                {place?.text ? <CheckCircleOutlined /> : <EnvironmentOutlined />} {place?.text ?? '该位置不在嘉兴市范围内，请拖动图钉到问题所在处'}
                <span className="report-coords">
                  {lng.toFixed(5)}E, {lat.toFixed(5)}N{geo.state.kind === 'ok' && geo.state.lat === lat && geo.state.lng === lng ? `，精度约 ${geo.state.accuracy} 米` : ''}
                </span>
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">可拖动红色图钉或点击地图修正位置</Typography.Text>
            )}
            <Typography.Link onClick={() => setManual((m) => !m)} data-testid="report-manual-toggle" className="report-manual-link">
              {manual ? '收起坐标' : '手动输入坐标'}
            </Typography.Link>
          </div>
          <Form.Item
            name="_position"
            className="report-position-check"
            style={{ marginBottom: 0 }}
            rules={[
              {
                validator: () => {
                  const v = form.getFieldsValue(['lat', 'lng']) as { lat?: number; lng?: number };
                  return !positionRequired || (typeof v.lat === 'number' && typeof v.lng === 'number')
                    ? Promise.resolve()
                    : Promise.reject(new Error('网格巡查须提供位置：请允许定位，或在地图上点选问题所在处'));
                },
              },
            ]}
          >
            <input type="hidden" />
          </Form.Item>
          <div className="latlng-row" style={manual ? undefined : { display: 'none' }} data-testid="report-manual">
            <Form.Item name="lng" label="经度" rules={[{ type: 'number', min: 73, max: 136, message: '经度应在 73–136 之间' }]}>
              <InputNumber style={{ width: '100%' }} step={0.0001} precision={6} placeholder="120.xxxxxx" inputMode="decimal" data-testid="report-lng" />
            </Form.Item>
            <Form.Item name="lat" label="纬度" rules={[{ type: 'number', min: 3, max: 54, message: '纬度应在 3–54 之间' }]}>
              <InputNumber style={{ width: '100%' }} step={0.0001} precision={6} placeholder="30.xxxxxx" inputMode="decimal" data-testid="report-lat" />
            </Form.Item>
          </div>
          <Form.Item name="address" label="地址 / 位置描述" style={{ marginBottom: 0, marginTop: 8 }} extra="已按位置自动填写，可补充村组、路名或参照物">
            <Input placeholder="如：凤桥镇某村某组东侧河道" data-testid="report-address" />
          </Form.Item>
        </Card>

        <Card size="small" title="问题类别" className="report-card">
          <Form.Item name="topCategory" rules={[{ required: true, message: '请选择问题类别' }]} style={{ marginBottom: 8 }}>
            <Radio.Group className="chip-group" data-testid="report-category">
              {CATEGORIES.map((c) => (
                <Radio.Button key={c} value={c} data-testid={`category-${c}`}>
                  {CATEGORY_LABELS[c]}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          {subs.length > 0 && (
            <Form.Item name="subCategory" label="细类（可选）" style={{ marginBottom: 0 }}>
              <Radio.Group className="chip-group" data-testid="report-subcategory">
                {subs.map((s) => (
                  <Radio.Button key={s} value={s} data-testid={`subcategory-${s}`}>
                    {SUB_CATEGORY_LABELS[s]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          )}
        </Card>

        {nearbyCases.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="report-card"
            data-testid="report-nearby"
            title={`附近 300 米内已有 ${nearbyCases.length} 件同类问题正在办理，请确认是否为同一问题`}
            description={
              <ul className="report-nearby-list">
                {nearbyCases.map((c) => (
                  <li key={c.id} data-testid="report-nearby-item" data-code={c.code}>
                    <Typography.Text ellipsis={{ tooltip: c.title }} style={{ maxWidth: '100%' }}>
                      <Link to={`/cases/${c.id}`}>{c.code}</Link> {c.title}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {categoryLabel(c.category)} · 约 {c.distanceM} 米 · {stateLabel(c.state)}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            }
          />
        )}

        <Card size="small" title="问题描述" className="report-card">
          <Form.Item
            name="title"
            label="标题"
            rules={[
              { required: true, whitespace: true, message: '请填写标题' },
              { max: 100, message: '标题不超过 100 字' },
            ]}
          >
            <Input placeholder="如：某村河道旁秸秆焚烧" maxLength={100} data-testid="report-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label="详细描述"
            rules={[
              { required: true, whitespace: true, message: '请描述问题情况' },
              { max: 2000, message: '不超过 2000 字' },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder="时间、地点、现象、可能的责任方……"
              data-testid="report-description"
            />
          </Form.Item>
          <Form.Item name="severity" label="严重程度" style={{ marginBottom: isGrid ? 0 : undefined }}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'general', label: '一般' },
                { value: 'major', label: '重大' },
              ]}
              data-testid="report-severity"
            />
          </Form.Item>
          {!isGrid && (
            <>
              <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择来源' }]}>
                <Select options={sourceOptions()} data-testid="report-source" />
              </Form.Item>
              <Form.Item name="regionCode" label="所属区域" extra="尽量选到镇（街道）或网格">
                <TreeSelect
                  allowClear
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeData={toTreeOptions(tree, 'grid')}
                  placeholder="选择区域"
                  data-testid="report-region"
                />
              </Form.Item>
              {source && PUBLIC_REPORT_SOURCES.includes(source) && (
                <Space.Compact block>
                  <Form.Item name="reporterName" label="举报人（保密）" style={{ flex: 1 }}>
                    <Input placeholder="姓名" />
                  </Form.Item>
                  <Form.Item
                    name="reporterPhone"
                    label="联系电话（保密）"
                    style={{ flex: 1 }}
                    rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: '电话格式不正确' }]}
                  >
                    <Input placeholder="电话" inputMode="tel" />
                  </Form.Item>
                </Space.Compact>
              )}
            </>
          )}
        </Card>

        <Card size="small" title="现场照片" className="report-card">
          <Form.Item
            name="photos"
            rules={isGrid ? [evidenceRule(1, '现场照片')] : [evidenceRule(0)]}
            style={{ marginBottom: 0 }}
            extra="可直接调用手机后置摄像头拍照，照片会立即上传"
          >
            <PhotoPicker capture="environment" accept="image/*" buttonText="拍照" testId="report-photo" />
          </Form.Item>
        </Card>

        <SubmitStatus status={submit.status} onCancel={submit.cancel} />

        <div className="report-submit-bar">
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            icon={<CloudUploadOutlined />}
            loading={submit.busy}
            data-testid="report-submit"
          >
            {submit.busy ? '正在提交…' : '提交上报'}
          </Button>
        </div>
      </Form>
    </div>
  );
}

function SubmitStatus({ status, onCancel }: { status: ReturnType<typeof useResilientSubmit>['status']; onCancel(): void }) {
  if (status.kind === 'waiting')
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="report-status"
        title={`${status.reason}，草稿已保存，将自动重试（第 ${status.attempt} 次失败）`}
        description="恢复网络后会立即重发；同一草稿重复提交不会产生重复案件。"
        action={
          <Button size="small" onClick={onCancel}>
            停止重试
          </Button>
        }
        style={{ marginBottom: 12 }}
      />
    );
  if (status.kind === 'failed')
    return <Alert type="error" showIcon data-testid="report-status" title={`提交失败：${status.message}`} style={{ marginBottom: 12 }} />;
  return null;
}
