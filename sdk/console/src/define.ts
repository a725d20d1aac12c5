// Registers <cc-merchant-console> and its parts (guarded: loading twice never throws).
import { define } from '@customerconnect/sdk';
import { CcConsoleContact } from './contact-page.js';
import { CcConsoleContacts } from './contacts.js';
import { CcConsoleDisputes } from './disputes.js';
import { CcConsoleEmbed } from './embed.js';
import { CcConsoleInvoiceForm } from './invoice-form.js';
import { CcConsoleInvoiceImport } from './invoice-import.js';
import { CcConsoleInvoice } from './invoice-page.js';
import { CcConsoleInvoices } from './invoices.js';
import { CcMerchantConsole } from './merchant-console.js';
import { CcConsoleOverview } from './overview.js';
import { CcConsolePaymentRequests } from './payment-requests.js';
import { CcConsolePayments } from './payments-list.js';
import { CcConsoleSchedulePeriods } from './schedule-periods.js';
import { CcConsoleSettings } from './settings.js';
import { CcConsoleSignIn } from './sign-in.js';
import { CcConsoleApiKeys, CcConsoleUsers } from './users.js';
import { CcConsoleWebhooks } from './webhooks.js';

export const consoleElements = {
  // The shell provides the context its parts consume: define it first.
  'cc-merchant-console': CcMerchantConsole,
  'cc-console-sign-in': CcConsoleSignIn,
  'cc-console-overview': CcConsoleOverview,
  'cc-console-contacts': CcConsoleContacts,
  'cc-console-contact': CcConsoleContact,
  'cc-console-invoices': CcConsoleInvoices,
  'cc-console-invoice': CcConsoleInvoice,
  'cc-console-payments': CcConsolePayments,
  'cc-console-schedule-periods': CcConsoleSchedulePeriods,
  'cc-console-invoice-form': CcConsoleInvoiceForm,
  'cc-console-invoice-import': CcConsoleInvoiceImport,
  'cc-console-payment-requests': CcConsolePaymentRequests,
  'cc-console-disputes': CcConsoleDisputes,
  'cc-console-settings': CcConsoleSettings,
  'cc-console-users': CcConsoleUsers,
  'cc-console-api-keys': CcConsoleApiKeys,
  'cc-console-webhooks': CcConsoleWebhooks,
  'cc-console-embed': CcConsoleEmbed,
} as const;

for (const [tag, ctor] of Object.entries(consoleElements)) define(tag, ctor);

declare global {
  interface HTMLElementTagNameMap {
    'cc-merchant-console': CcMerchantConsole;
    'cc-console-sign-in': CcConsoleSignIn;
    'cc-console-overview': CcConsoleOverview;
    'cc-console-contacts': CcConsoleContacts;
    'cc-console-contact': CcConsoleContact;
    'cc-console-invoices': CcConsoleInvoices;
    'cc-console-invoice': CcConsoleInvoice;
    'cc-console-payments': CcConsolePayments;
    'cc-console-schedule-periods': CcConsoleSchedulePeriods;
    'cc-console-invoice-form': CcConsoleInvoiceForm;
    'cc-console-invoice-import': CcConsoleInvoiceImport;
    'cc-console-payment-requests': CcConsolePaymentRequests;
    'cc-console-disputes': CcConsoleDisputes;
    'cc-console-settings': CcConsoleSettings;
    'cc-console-users': CcConsoleUsers;
    'cc-console-api-keys': CcConsoleApiKeys;
    'cc-console-webhooks': CcConsoleWebhooks;
    'cc-console-embed': CcConsoleEmbed;
  }
}
