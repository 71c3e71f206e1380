// Wire schemas shared by many operations (TypeBox: validation, types and, later, the OpenAPI document).
import { Type, type TSchema } from '@sinclair/typebox';

export const ErrorBody = Type.Object({ code: Type.Integer(), message: Type.String() }, { $id: 'Error' });

export const PageQuery = {
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 250, default: 25, description: 'Maximum number of items per page (1 to 250).' })),
  bookmark: Type.Optional(Type.String({ description: 'Cursor from a previous page.' })),
};

export const Paginated = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), bookmark: Type.Union([Type.String(), Type.Null()]) });

/** ad_account_id appears on many organic operations; Corkboard has no ad accounts. */
export const AdAccountQuery = { ad_account_id: Type.Optional(Type.String({ pattern: '^\\d+$', maxLength: 18 })) };
