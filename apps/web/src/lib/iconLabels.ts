// Ant Design's icons name themselves in English (`<span role="img" aria-label="arrow-left">`), which
// screen readers read out. Every icon on screen gets a Chinese name here, or, when it only decorates
// a button or text that names itself, is hidden from assistive technology.
const LABELS: Record<string, string> = {
  aim: '定位',
  alert: '告警',
  'arrow-left': '返回',
  audit: '审核',
  bell: '消息通知',
  calendar: '日期',
  camera: '拍照',
  'caret-down': '展开',
  'caret-up': '收起',
  check: '完成',
  'check-circle': '成功',
  close: '关闭',
  'close-circle': '清除',
  'cloud-upload': '上传',
  dashboard: '驾驶舱',
  delete: '删除',
  'double-left': '向前',
  'double-right': '向后',
  down: '展开',
  download: '下载',
  edit: '编辑',
  ellipsis: '更多',
  environment: '位置',
  'exclamation-circle': '提示',
  eye: '查看',
  'eye-invisible': '隐藏',
  file: '文件',
  'file-search': '查询',
  'file-text': '文书',
  filter: '筛选',
  flag: '标记',
  holder: '拖动',
  inbox: '暂无数据',
  'info-circle': '说明',
  left: '上一页',
  loading: '加载中',
  lock: '密码',
  logout: '退出登录',
  mail: '消息',
  menu: '菜单',
  'minus-circle': '移除',
  'paper-clip': '附件',
  'plus-circle': '添加',
  plus: '新增',
  printer: '打印',
  profile: '详情',
  'question-circle': '帮助',
  reload: '刷新',
  right: '下一页',
  'safety-certificate': '健康码',
  save: '保存',
  search: '搜索',
  send: '发送',
  setting: '设置',
  'swap-right': '至',
  sync: '同步',
  table: '表格',
  undo: '撤销',
  up: '收起',
  upload: '上传',
  user: '用户',
  'vertical-align-top': '回到顶部',
  warning: '警告',
  wifi: '网络',
};

/** Names Ant Design gives other controls in English whatever the locale. */
const CONTROL_LABELS: Record<string, string> = {
  'Select all': '全选当页',
  'Select row': '选择此行',
  'Expand row': '展开行',
  'Collapse row': '收起行',
  Close: '关闭',
  Clear: '清除',
  Search: '搜索',
  Loading: '加载中',
};

const LATIN = /[A-Za-z]/;

function relabel(el: Element): void {
  const label = el.getAttribute('aria-label');
  if (!label || !LATIN.test(label)) return;
  if (!el.classList.contains('anticon')) {
    if (CONTROL_LABELS[label]) el.setAttribute('aria-label', CONTROL_LABELS[label]);
    return;
  }
  const zh = LABELS[label];
  if (zh) el.setAttribute('aria-label', zh);
  else {
    el.removeAttribute('aria-label');
    el.setAttribute('aria-hidden', 'true');
  }
}

function sweep(root: ParentNode): void {
  root.querySelectorAll('[aria-label]').forEach(relabel);
}

/** Keeps every icon (and the controls Ant Design names in English) under `root` named in Chinese, now and as the page changes. */
export function localizeIconLabels(root: HTMLElement = document.body): () => void {
  sweep(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        relabel(r.target as Element);
      } else {
        r.addedNodes.forEach((n) => {
          if (n.nodeType !== 1) return;
          const el = n as Element;
          if (el.hasAttribute('aria-label')) relabel(el);
          sweep(el);
        });
      }
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
