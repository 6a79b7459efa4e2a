/** Traditional Chinese UI strings for Hong Kong (and Macau): the Taiwan table with Hong Kong wording. */
import type { Strings } from '../en.ts';
import zhTW from './zh-TW.ts';

const strings: Strings = {
  ...zhTW,
  history: '記錄',
  closeHistory: '關閉記錄',
  notConfigured: '此聊天尚未設定：缺少伺服器地址。',
  defaultGreeting: '今天有甚麼可以幫到你？',
  defaultPlaceholder: '向 AI 發送訊息',
  send: '發送訊息',
  fileTypeNotAccepted: '不支援 {name} 的檔案類型。',
  microphoneDenied: '咪高峰存取權被拒絕。',
  uploading: '上載中…',
  uploadFailed: '無法上載 {name}。',
  retryUpload: '重新上載 {name}',
  copyCode: '複製代碼',
  feedbackThanks: '多謝你的意見！',
  searchingWeb: '正在搜尋網頁…',
  searchedWeb: '已搜尋網頁',
  generatingImage: '正在產生圖片…',
  generatedImage: '產生的圖片',
  networkError: '網絡錯誤。請檢查網絡連線，然後再試一次。',
  opensInNewTab: '（在新分頁開啟）',
  noThreads: '暫時未有對話',
  renameThread: '重新命名',
  deleteThreadConfirm: '要刪除此對話嗎？此操作無法復原。',
  untitledThread: '未命名聊天',
};
export default strings;
