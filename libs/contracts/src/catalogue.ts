import type { EventContract, RpcContract } from './message.js';
import { registerCaseV1 } from './case/register-case.v1.js';
import { getCaseV1 } from './case/get-case.v1.js';
import { updateCaseV1 } from './case/update-case.v1.js';
import { transitionCaseV1 } from './case/transition-case.v1.js';
import { assignCaseV1 } from './case/assign-case.v1.js';
import { listInboxV1 } from './case/list-inbox.v1.js';
import { countInboxV1 } from './case/count-inbox.v1.js';
import { lockCaseV1, unlockCaseV1 } from './case/lock-case.v1.js';
import { caseRegisteredV1 } from './case/case-registered.v1.js';
import { caseUpdatedV1 } from './case/case-updated.v1.js';
import { caseClosedV1, caseReopenedV1, caseStatusChangedV1 } from './case/case-status-changed.v1.js';
import { caseAssignedV1 } from './case/case-assigned.v1.js';
import { caseLockChangedV1 } from './case/case-lock-changed.v1.js';
import { pickNextV1 } from './case/pick-next.v1.js';
import { caseDistributedV1, distributeCasesV1, returnFeedbackV1 } from './case/distribute-case.v1.js';
import { caseMovedV1, moveCaseV1 } from './case/move-case.v1.js';
import { createCustomerV1 } from './customer/create-customer.v1.js';
import { updateCustomerV1 } from './customer/update-customer.v1.js';
import { getCustomerV1 } from './customer/get-customer.v1.js';
import { searchCustomersV1 } from './customer/search-customers.v1.js';
import { linkCustomerV1, listCaseCustomersV1, unlinkCustomerV1 } from './customer/link-customer.v1.js';
import { listCustomerCasesV1 } from './customer/list-customer-cases.v1.js';
import { customerRegisteredV1 } from './customer/customer-registered.v1.js';
import { customerUpdatedV1 } from './customer/customer-updated.v1.js';
import { customerLinkedV1, customerUnlinkedV1 } from './customer/customer-linked.v1.js';
import { getRelationsV1, relateCasesV1, unrelateCaseV1 } from './case/case-relations.v1.js';
import { caseRelatedV1, caseUnrelatedV1 } from './case/case-related.v1.js';
import { caseCopiedV1, copyCaseV1 } from './case/copy-case.v1.js';
import { addFavouriteV1, listFavouritesV1, removeFavouriteV1 } from './case/favourite.v1.js';
import { listSavedSearchesV1, removeSavedSearchV1, saveSearchV1 } from './case/saved-search.v1.js';
import { listCaseEventsV1 } from './case/list-case-events.v1.js';
import { listSecretReadsV1 } from './case/list-secret-reads.v1.js';
import { addEntryV1 } from './case/entry-add.v1.js';
import { listEntriesV1 } from './case/entry-list.v1.js';
import { getEntryV1 } from './case/entry-get.v1.js';
import { entryAddedV1 } from './case/entry-added.v1.js';
import { entriesRemovedV1 } from './case/entry-removed.v1.js';
import { caseAlarmRaisedV1 } from './case/case-alarm-raised.v1.js';
import { listReferralsV1, referralAnsweredV1, referralSentV1, sendReferralV1 } from './case/referral.v1.js';
import {
  acknowledgeCaseV1,
  caseAcknowledgedV1,
  caseCustomerContactedV1,
  markCustomerContactedV1,
} from './case/acknowledge.v1.js';
import { slaDailyReportV1, slaReminderV1 } from './sla/sla-reminder.v1.js';
import { listMessagesV1, messageFailedV1, messageSentV1, sendEmailV1, sendSmsV1 } from './notifications/message.v1.js';
import { inAppNotificationV1 } from './notifications/in-app.v1.js';
import { cancelReopenV1, getScheduledReopenV1, scheduleReopenV1 } from './sla/schedule-reopen.v1.js';
import {
  deleteMessageTemplateV1,
  deleteSignatureV1,
  getMessageTemplateV1,
  getSignatureV1,
  listMessageTemplatesV1,
  listSignaturesV1,
  putMessageTemplateV1,
  putSignatureV1,
} from './notifications/message-template.v1.js';
import { createWatchV1, deleteWatchV1, listWatchesV1 } from './sla/watch.v1.js';
import { getCalendarV1, listCalendarsV1, saveCalendarV1 } from './sla/calendar.v1.js';
import { emailReceivedV1 } from './intake/email-received.v1.js';
import { smsReceivedV1 } from './intake/sms-received.v1.js';
import { socialMessageReceivedV1 } from './intake/social-message-received.v1.js';
import { formSubmittedV1 } from './intake/form-submitted.v1.js';
import { callAnsweredV1 } from './intake/call-answered.v1.js';
import { getQuarantinedV1, listQuarantineV1, reprocessQuarantinedV1 } from './intake/quarantine.v1.js';
import { createArticleV1 } from './knowledge/article-create.v1.js';
import { updateArticleV1 } from './knowledge/article-update.v1.js';
import { getArticleV1 } from './knowledge/article-get.v1.js';
import { publishArticleV1, unpublishArticleV1 } from './knowledge/article-publish.v1.js';
import { listArticleVersionsV1 } from './knowledge/article-versions.v1.js';
import { articleFromCaseV1 } from './knowledge/article-from-case.v1.js';
import { folderTreeV1, listFolderArticlesV1, saveFolderV1 } from './knowledge/folder.v1.js';
import { linkArticleV1, listLinkedArticlesV1, unlinkArticleV1 } from './knowledge/article-link.v1.js';
import { searchArticlesV1, suggestForCaseV1 } from './knowledge/search.v1.js';
import { rateArticleV1 } from './knowledge/rating.v1.js';
import { acceptProposalV1, listProposalsV1, proposeChangeV1, rejectProposalV1 } from './knowledge/proposal.v1.js';
import { deleteSynonymGroupV1, listSynonymGroupsV1, saveSynonymGroupV1 } from './knowledge/synonym.v1.js';
import {
  articlePublishedV1,
  articleSavedV1,
  articleUnpublishedV1,
  proposalDecidedV1,
} from './knowledge/article-events.v1.js';
import { listWebSourcesV1, refreshWebSourceV1, saveWebSourceV1 } from './knowledge/web-source.v1.js';
import { saveReferenceV1 } from './routing/reference-save.v1.js';
import { listReferencesV1 } from './routing/reference-list.v1.js';
import { referenceSavedV1 } from './routing/reference-saved.v1.js';
import { saveTemplateV1 } from './routing/template-save.v1.js';
import { getTemplateV1 } from './routing/template-get.v1.js';
import { listTemplatesV1 } from './routing/template-list.v1.js';
import { searchTemplatesV1 } from './routing/template-search.v1.js';
import { templateSavedV1 } from './routing/template-saved.v1.js';
import { matchTemplateV1 } from './routing/match.v1.js';
import { getInboxV1, inboxSavedV1, listInboxesV1, saveInboxV1 } from './routing/inbox.v1.js';
import { saveStaffV1 } from './routing/staff-save.v1.js';
import { getStaffByUserNameV1, getStaffV1 } from './routing/staff-get.v1.js';
import { searchDirectoryV1 } from './routing/directory-search.v1.js';
import { staffSavedV1 } from './routing/staff-saved.v1.js';

/** Every message of the platform; the subject catalogue in docs/ is written from this list. */
export const CATALOGUE: ReadonlyArray<EventContract | RpcContract> = [
  registerCaseV1,
  getCaseV1,
  updateCaseV1,
  transitionCaseV1,
  assignCaseV1,
  listInboxV1,
  countInboxV1,
  lockCaseV1,
  unlockCaseV1,
  caseRegisteredV1,
  caseUpdatedV1,
  caseStatusChangedV1,
  caseClosedV1,
  caseReopenedV1,
  caseAssignedV1,
  caseLockChangedV1,
  pickNextV1,
  distributeCasesV1,
  returnFeedbackV1,
  moveCaseV1,
  caseDistributedV1,
  caseMovedV1,
  createCustomerV1,
  updateCustomerV1,
  getCustomerV1,
  searchCustomersV1,
  linkCustomerV1,
  unlinkCustomerV1,
  listCaseCustomersV1,
  listCustomerCasesV1,
  customerRegisteredV1,
  customerUpdatedV1,
  customerLinkedV1,
  customerUnlinkedV1,
  relateCasesV1,
  unrelateCaseV1,
  getRelationsV1,
  caseRelatedV1,
  caseUnrelatedV1,
  copyCaseV1,
  caseCopiedV1,
  addFavouriteV1,
  removeFavouriteV1,
  listFavouritesV1,
  saveSearchV1,
  removeSavedSearchV1,
  listSavedSearchesV1,
  listCaseEventsV1,
  listSecretReadsV1,
  addEntryV1,
  listEntriesV1,
  getEntryV1,
  entryAddedV1,
  entriesRemovedV1,
  caseAlarmRaisedV1,
  sendReferralV1,
  listReferralsV1,
  referralSentV1,
  referralAnsweredV1,
  acknowledgeCaseV1,
  markCustomerContactedV1,
  caseAcknowledgedV1,
  caseCustomerContactedV1,
  slaReminderV1,
  slaDailyReportV1,
  sendEmailV1,
  sendSmsV1,
  listMessagesV1,
  listMessageTemplatesV1,
  getMessageTemplateV1,
  putMessageTemplateV1,
  deleteMessageTemplateV1,
  listSignaturesV1,
  getSignatureV1,
  putSignatureV1,
  deleteSignatureV1,
  messageSentV1,
  messageFailedV1,
  inAppNotificationV1,
  scheduleReopenV1,
  getScheduledReopenV1,
  cancelReopenV1,
  createWatchV1,
  listWatchesV1,
  deleteWatchV1,
  saveCalendarV1,
  listCalendarsV1,
  getCalendarV1,
  emailReceivedV1,
  smsReceivedV1,
  socialMessageReceivedV1,
  formSubmittedV1,
  callAnsweredV1,
  listQuarantineV1,
  getQuarantinedV1,
  reprocessQuarantinedV1,
  createArticleV1,
  updateArticleV1,
  getArticleV1,
  publishArticleV1,
  unpublishArticleV1,
  listArticleVersionsV1,
  articleFromCaseV1,
  saveFolderV1,
  folderTreeV1,
  listFolderArticlesV1,
  linkArticleV1,
  unlinkArticleV1,
  listLinkedArticlesV1,
  searchArticlesV1,
  suggestForCaseV1,
  rateArticleV1,
  proposeChangeV1,
  acceptProposalV1,
  rejectProposalV1,
  listProposalsV1,
  saveSynonymGroupV1,
  deleteSynonymGroupV1,
  listSynonymGroupsV1,
  articleSavedV1,
  articlePublishedV1,
  articleUnpublishedV1,
  proposalDecidedV1,
  saveWebSourceV1,
  listWebSourcesV1,
  refreshWebSourceV1,
  saveReferenceV1,
  listReferencesV1,
  referenceSavedV1,
  saveTemplateV1,
  getTemplateV1,
  listTemplatesV1,
  searchTemplatesV1,
  templateSavedV1,
  matchTemplateV1,
  saveInboxV1,
  getInboxV1,
  listInboxesV1,
  inboxSavedV1,
  saveStaffV1,
  getStaffV1,
  getStaffByUserNameV1,
  searchDirectoryV1,
  staffSavedV1,
];
