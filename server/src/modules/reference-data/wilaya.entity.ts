import { Check, Collection, Entity, OneToMany, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Commune } from './commune.entity.js';
import { Daira } from './daira.entity.js';

/**
 * A wilaya (province). Reference data from the Interior Ministry's list (58 wilayas); wilayas are
 * data, never an enum: the 2026 law adds 11 more from 1 January 2027.
 */
@ObjectType({ description: "A wilaya (province) of Algeria, from the Interior Ministry's list." })
@Entity({ tableName: 'wilaya' })
@Check({ name: 'wilaya_code_two_digits', expression: "code ~ '^[0-9]{2}$'" })
export class Wilaya {
  [PrimaryKeyProp]?: 'code';

  @Field(() => String, { description: 'Official code: two digits with a leading zero, "01" to "58".' })
  @PrimaryKey({ type: 'string', length: 2 })
  code!: string;

  @Field(() => String, { description: 'Name in French (Latin script), e.g. "Adrar".' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: 'Name in Arabic, e.g. "أدرار".' })
  @Property({ type: 'string', length: 100 })
  nameAr!: string;

  @OneToMany(() => Daira, (daira) => daira.wilaya)
  dairas = new Collection<Daira>(this);

  @OneToMany(() => Commune, (commune) => commune.wilaya)
  communes = new Collection<Commune>(this);
}
