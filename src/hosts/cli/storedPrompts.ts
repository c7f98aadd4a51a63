/**
 * Every CLI run starts a cold process: its parses find the blank templates' prompts read ahead of
 * time instead of reading each one (core/promptFacts.ts). Imported for this effect by the commands
 * that parse (check, and with it check.cjs; doctor); the app's page does not carry the table.
 */
import { provideStoredTemplatePrompts } from '../../core/promptFacts';
import { TEMPLATE_PROMPTS_JSON } from '../../core/templates/templatePrompts';

provideStoredTemplatePrompts(TEMPLATE_PROMPTS_JSON);
